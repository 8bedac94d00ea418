/** English texts of our own admin screens, for those who switch the panel to English. */
const en: Record<string, string> = {
  'school-settings.section': 'School',
  'school-settings.link': 'School settings',
  'school-settings.title': 'School settings',
  'school-settings.subtitle': 'Defaults come from config/school.ts; values saved here apply over them.',
  'school-settings.save': 'Save',
  'school-settings.saved': 'School settings saved',
  'school-settings.invalid': 'Check the marked fields',
  'school-settings.failed': 'Could not save the settings',
  'school-settings.section.school': 'School',
  'school-settings.name': 'Full name',
  'school-settings.address': 'Address',
  'school-settings.timeZone': 'Time zone',
  'school-settings.timeZone.hint': 'IANA name, e.g. Europe/Moscow or Asia/Yekaterinburg. Default: {zone}',
  'school-settings.section.periods': 'Study periods',
  'school-settings.periods.hint':
    'Which periods (quarters, trimesters, half-years) each range of grades uses; every grade 1–11 in exactly one range.',
  'school-settings.periods.from': 'From grade',
  'school-settings.periods.to': 'To grade',
  'school-settings.periods.scheme': 'Periods',
  'school-settings.periods.remove': 'Remove range',
  'school-settings.periods.add': 'Add range',
  'school-settings.scheme.quarter': 'quarters',
  'school-settings.scheme.trimester': 'trimesters',
  'school-settings.scheme.half-year': 'half-years',
  'school-settings.section.marks': 'Marks',
  'school-settings.marks.hint':
    'The marking scale is set per subject (Subjects → scale). A work type’s weight is its share in the weighted average, 0.1 to 10.',
  'school-settings.pointMarks': 'Point marks from grade',
  'school-settings.pointMarks.hint': 'Younger grades are assessed without marks',
  'school-settings.finalMarkRounding': 'Rounding of final marks',
  'school-settings.finalMarkRounding.hint': 'The final mark of a certificate is the mean of marks rounded to a whole number',
  'school-settings.finalMarkRounding.half-up': 'Half up (3.5 → 4)',
  'school-settings.finalMarkRounding.half-down': 'Half down (3.5 → 3)',
  'school-settings.weights': 'Weights of work types',
  'school-settings.section.paperDiaries': 'Paper diaries',
  'school-settings.paperDiaries.hint':
    'Grades whose pupils still keep a paper diary: their class teacher prints a weekly extract of the e-diary with a place for the parent’s signature. Diaries are not archived.',
  'school-settings.paperDiaryGrades': 'Paper diaries required in grades',
  'school-settings.paperDiaryGrades.grade': 'Grade {grade}',
};

export default en;
