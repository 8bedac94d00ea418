import { checkSettingsChange } from '../../src/school/settings-validation';
import { DEFAULT_WORK_TYPE_WEIGHTS, WORK_TYPES } from '../../src/school/settings';

const messagesAt = (input: unknown, path: string) =>
  checkSettingsChange(input)
    .issues.filter((issue) => issue.path.join('.') === path)
    .map((issue) => issue.message);

describe('school settings validation', () => {
  it('accepts a full, valid change and normalises it', () => {
    const change = checkSettingsChange({
      name: '  МБОУ «Лицей № 2» ',
      address: 'г. Казань, ул. Школьная, 1',
      timeZone: 'Europe/Samara',
      pointMarksFromGrade: 2,
      periodSchemes: [
        { fromGrade: 1, toGrade: 9, scheme: 'trimester' },
        { fromGrade: 10, toGrade: 11, scheme: 'half-year' },
      ],
      workTypeWeights: { 'control-work': '2,5', test: 1.5 },
    });
    expect(change.issues).toEqual([]);
    expect(change.set).toMatchObject({
      name: 'МБОУ «Лицей № 2»',
      timeZone: 'Europe/Samara',
      workTypeWeights: { 'control-work': 2.5, test: 1.5 },
    });
  });

  it('knows the work types of the mark schema, with control work 2, test 1.5 and the rest 1 by default', () => {
    expect(WORK_TYPES).toContain('control-work');
    expect(DEFAULT_WORK_TYPE_WEIGHTS['control-work']).toBe(2);
    expect(DEFAULT_WORK_TYPE_WEIGHTS.test).toBe(1.5);
    expect(DEFAULT_WORK_TYPE_WEIGHTS['oral-answer']).toBe(1);
  });

  it('refuses a time zone outside the IANA database', () => {
    expect(messagesAt({ timeZone: 'Moscow/Kremlin' }, 'timeZone')[0]).toMatch(/Неизвестный часовой пояс/);
    expect(messagesAt({ timeZone: 'MSK+3' }, 'timeZone')).toHaveLength(1);
    expect(messagesAt({ timeZone: 'Asia/Vladivostok' }, 'timeZone')).toEqual([]);
  });

  it('refuses bad grade ranges: out of 1–11, reversed, overlapping, leaving a grade out', () => {
    expect(messagesAt({ periodSchemes: [{ fromGrade: 0, toGrade: 11, scheme: 'quarter' }] }, 'periodSchemes.0.fromGrade')).toHaveLength(1);
    expect(messagesAt({ periodSchemes: [{ fromGrade: 9, toGrade: 1, scheme: 'quarter' }] }, 'periodSchemes.0.toGrade')[0]).toMatch(
      /не может быть меньше/,
    );
    expect(messagesAt({ periodSchemes: [{ fromGrade: 1, toGrade: 11, scheme: 'semester' }] }, 'periodSchemes.0.scheme')).toHaveLength(1);
    const overlap = [
      { fromGrade: 1, toGrade: 9, scheme: 'quarter' },
      { fromGrade: 9, toGrade: 11, scheme: 'half-year' },
    ];
    expect(messagesAt({ periodSchemes: overlap }, 'periodSchemes.1.fromGrade')[0]).toMatch(/9 класс попадает в несколько диапазонов/);
    expect(messagesAt({ periodSchemes: [{ fromGrade: 1, toGrade: 9, scheme: 'quarter' }] }, 'periodSchemes')).toEqual([
      'Для 10 класса не выбрана система учебных периодов',
      'Для 11 класса не выбрана система учебных периодов',
    ]);
    expect(messagesAt({ pointMarksFromGrade: 12 }, 'pointMarksFromGrade')).toHaveLength(1);
  });

  it('refuses weights that are not positive numbers, off the mark range or of an unknown work type', () => {
    expect(messagesAt({ workTypeWeights: { test: 0 } }, 'workTypeWeights.test')).toEqual(['Вес — положительное число']);
    expect(messagesAt({ workTypeWeights: { test: -1 } }, 'workTypeWeights.test')).toHaveLength(1);
    expect(messagesAt({ workTypeWeights: { test: 'много' } }, 'workTypeWeights.test')).toHaveLength(1);
    expect(messagesAt({ workTypeWeights: { test: 11 } }, 'workTypeWeights.test')[0]).toMatch(/от 0.1 до 10/);
    expect(messagesAt({ workTypeWeights: { sport: 2 } }, 'workTypeWeights.sport')[0]).toMatch(/Неизвестный вид работы/);
    expect(messagesAt({ workTypeWeights: [1, 2] }, 'workTypeWeights')).toHaveLength(1);
  });

  it('takes the rounding of final marks: half up or half down, nothing else', () => {
    expect(checkSettingsChange({ finalMarkRounding: 'half-down' })).toMatchObject({ set: { finalMarkRounding: 'half-down' }, issues: [] });
    expect(messagesAt({ finalMarkRounding: 'banker' }, 'finalMarkRounding')[0]).toMatch(/half-up \(3,5 → 4\)/);
    expect(checkSettingsChange({ finalMarkRounding: null })).toMatchObject({ reset: ['finalMarkRounding'], issues: [] });
  });

  it('takes a level scale of meta-subject and personal results: 2–10 distinct names, lowest first, trimmed', () => {
    expect(checkSettingsChange({ competencyLevels: [' не сформирован ', 'сформирован'] })).toMatchObject({
      set: { competencyLevels: ['не сформирован', 'сформирован'] },
      issues: [],
    });
    expect(messagesAt({ competencyLevels: 'низкий, высокий' }, 'competencyLevels')[0]).toMatch(/списком от низшего к высшему/);
    expect(messagesAt({ competencyLevels: ['высокий'] }, 'competencyLevels')[0]).toMatch(/от 2 до 10 уровней/);
    expect(messagesAt({ competencyLevels: ['низкий', 'Низкий'] }, 'competencyLevels.1')[0]).toMatch(/уже есть в шкале/);
    expect(messagesAt({ competencyLevels: ['низкий', ''] }, 'competencyLevels.1')).toEqual(['Название уровня — непустая строка']);
    expect(messagesAt({ competencyLevels: ['низкий', 7] }, 'competencyLevels.1')).toHaveLength(1);
    expect(checkSettingsChange({ competencyLevels: ['низкий', ''] }).set.competencyLevels).toBeUndefined();
    expect(checkSettingsChange({ competencyLevels: null })).toMatchObject({ reset: ['competencyLevels'], issues: [] });
  });

  it('refuses an empty name and unknown keys; null means back to config/school.ts', () => {
    expect(messagesAt({ name: '   ' }, 'name')).toEqual(['Укажите название школы']);
    expect(messagesAt({ colour: 'red' }, 'colour')).toHaveLength(1);
    expect(checkSettingsChange({ timeZone: null, address: null })).toMatchObject({ reset: ['address', 'timeZone'], issues: [] });
    expect(checkSettingsChange('text').issues).toHaveLength(1);
  });
});
