import { loginOf, patronymicOf, surnameForGender, transliterate, uniqueLogin, fullNameOf } from '../../src/demo/names';

describe('demo names', () => {
  it.each([
    ['Иванов', 'Иванова'],
    ['Соловьёв', 'Соловьёва'],
    ['Ильин', 'Ильина'],
    ['Островский', 'Островская'],
    ['Заболоцкий', 'Заболоцкая'],
    ['Трубецкой', 'Трубецкая'],
    ['Полевой', 'Полевая'],
    ['Черных', 'Черных'],
    ['Шевченко', 'Шевченко'],
    ['Ковальчук', 'Ковальчук'],
  ])('gives %s the feminine form %s', (masculine, feminine) => {
    expect(surnameForGender(masculine, 'female')).toBe(feminine);
    expect(surnameForGender(masculine, 'male')).toBe(masculine);
  });

  it.each([
    ['Иван', 'Иванович', 'Ивановна'],
    ['Сергей', 'Сергеевич', 'Сергеевна'],
    ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
    ['Илья', 'Ильич', 'Ильинична'],
    ['Никита', 'Никитич', 'Никитична'],
    ['Михаил', 'Михайлович', 'Михайловна'],
    ['Юрий', 'Юрьевич', 'Юрьевна'],
    ['Тимофей', 'Тимофеевич', 'Тимофеевна'],
    ['Марк', 'Маркович', 'Марковна'],
  ])('derives the patronymics of a child of %s', (father, son, daughter) => {
    expect(patronymicOf(father, 'male')).toBe(son);
    expect(patronymicOf(father, 'female')).toBe(daughter);
  });

  it('builds full names and Latin logins like ivanova.ma', () => {
    const person = { lastName: 'Иванова', firstName: 'Мария', patronymic: 'Андреевна' };
    expect(fullNameOf(person)).toBe('Иванова Мария Андреевна');
    expect(loginOf(person)).toBe('ivanova.ma');
    expect(loginOf({ lastName: 'Щербаков', firstName: 'Юрий', patronymic: 'Ильич' })).toBe('shcherbakov.yi');
    expect(transliterate('Соловьёва')).toBe('soloveva');
    expect(transliterate('Хохлов-Жуков')).toBe('khokhlovzhukov');
  });

  it('makes logins unique with a number', () => {
    const taken = new Set(['ivanova.ma']);
    expect(uniqueLogin('ivanova.ma', taken)).toBe('ivanova.ma2');
    expect(uniqueLogin('ivanova.ma', taken)).toBe('ivanova.ma3');
    expect(uniqueLogin('petrov.ii', taken)).toBe('petrov.ii');
  });
});
