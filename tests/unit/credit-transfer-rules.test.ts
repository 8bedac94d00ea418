import { creditableValues, creditNote, giftedCreditRefusal, isMandatoryGiaSubject } from '../../src/school/rules/credit-transfer';

describe('credit of results (зачёт результатов, seed 003 §5.4 and §1.1)', () => {
  it('counts only a pass as a credited mark', () => {
    expect(creditableValues(['2', '3', '4', '5', 'н/а', 'осв'])).toEqual(['3', '4', '5']);
    expect(creditableValues(['1', '2', '3', '4', '5'])).toEqual(['3', '4', '5']);
    expect(creditableValues(['зачтено', 'не зачтено', 'н/а'])).toEqual(['зачтено']);
  });

  it('knows the subjects every graduate takes at the state exam', () => {
    for (const name of ['Русский язык', 'математика', 'Алгебра', 'Геометрия', 'Математика (профильный уровень)']) {
      expect(isMandatoryGiaSubject(name)).toBe(true);
    }
    for (const name of ['Родной язык (русский)', 'История', 'Русская литература', 'Вероятность и статистика']) {
      expect(isMandatoryGiaSubject(name)).toBe(false);
    }
  });

  it('credits gifted pupils’ achievements in grades 9 and 11 only in subjects not taken at the state exam', () => {
    expect(giftedCreditRefusal({ grade: 7, subjectName: 'Математика', takenAtExam: false })).toBeNull();
    expect(giftedCreditRefusal({ grade: 9, subjectName: 'История', takenAtExam: false })).toBeNull();
    expect(giftedCreditRefusal({ grade: 11, subjectName: 'Алгебра', takenAtExam: false })).toMatch(/всеми выпускниками 11 класса/);
    expect(giftedCreditRefusal({ grade: 9, subjectName: 'Биология', takenAtExam: true })).toMatch(/не выносимым на ГИА/);
    expect(giftedCreditRefusal({ grade: 8, subjectName: 'Биология', takenAtExam: true })).toBeNull();
  });

  it('says where a credited mark comes from and by which order', () => {
    const order = { orderNumber: '45-о', orderDate: '2026-05-25' };
    expect(
      creditNote({
        basis: 'other-organisation',
        programmeKind: 'practice',
        programmeTitle: 'Учебная практика по робототехнике',
        organisation: 'Кванториум',
        achievement: null,
        giftedResourceNumber: null,
        documentTitle: 'Справка',
        documentNumber: null,
        documentDate: '2026-05-20',
        ...order,
      }),
    ).toBe(
      'Зачтено по результатам освоения практики «Учебная практика по робототехнике» в Кванториум (Справка от 20.05.2026); приказ № 45-о от 25.05.2026',
    );
    expect(
      creditNote({
        basis: 'gifted-resource',
        programmeKind: null,
        programmeTitle: null,
        organisation: null,
        achievement: 'Победитель заключительного этапа ВсОШ',
        giftedResourceNumber: null,
        documentTitle: null,
        documentNumber: null,
        documentDate: null,
        ...order,
      }),
    ).toBe('Зачтено по результатам индивидуальных достижений: Победитель заключительного этапа ВсОШ; приказ № 45-о от 25.05.2026');
  });
});
