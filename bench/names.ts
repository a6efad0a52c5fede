/**
 * Deterministic, realistic Ukrainian contact data for the bench fixtures: names, patronymics,
 * companies, phone numbers, tags. A seeded generator so two runs insert the same office.
 */
import { contactTextOf, type ContactFields } from '../src-shared/contacts';

const SURNAMES = [
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'Ткаченко',
  'Кравченко',
  'Олійник',
  'Шевчук',
  'Коваль',
  'Поліщук',
  'Бойко',
  'Ткачук',
  'Мельник',
  'Лисенко',
  'Руденко',
  'Савченко',
  'Петренко',
  'Марченко',
  'Мороз',
  'Клименко',
  'Павленко',
  'Кузьменко',
  'Гончаренко',
  'Іваненко',
  'Ігнатенко',
  'Єрмоленко',
  'Ґудзь',
  'Їжакевич',
  'Яковенко',
  'Юрченко',
  'Захарченко',
  'Остапчук',
  'Левченко',
  'Гриценко',
  'Карпенко',
  'Литвиненко',
  'Онищенко',
  'Дмитренко',
  'Харченко',
  'Семенюк',
  'Білик',
  "Дем'яненко",
  "Ков'ях",
  'Цимбалюк',
  'Федорук',
  'Чорновіл',
  'Щербак',
  'Швець',
  'Головко',
] as const;
const MALE_NAMES = [
  'Олександр',
  'Андрій',
  'Богдан',
  'Василь',
  'Віталій',
  'Дмитро',
  'Євген',
  'Іван',
  'Ігор',
  'Максим',
  'Микола',
  'Олег',
  'Петро',
  'Роман',
  'Сергій',
  'Тарас',
  'Юрій',
  'Ярослав',
] as const;
const FEMALE_NAMES = [
  'Олена',
  'Анна',
  'Вікторія',
  'Галина',
  'Дарина',
  'Ірина',
  'Катерина',
  'Людмила',
  'Марія',
  "Мар'яна",
  'Наталія',
  'Оксана',
  'Ольга',
  'Софія',
  'Тетяна',
  'Юлія',
  'Ярина',
  'Христина',
] as const;
/** Fathers' names; the patronymic is derived from them. */
const FATHERS = [
  ['Олександрович', 'Олександрівна'],
  ['Андрійович', 'Андріївна'],
  ['Богданович', 'Богданівна'],
  ['Васильович', 'Василівна'],
  ['Іванович', 'Іванівна'],
  ['Миколайович', 'Миколаївна'],
  ['Петрович', 'Петрівна'],
  ['Сергійович', 'Сергіївна'],
  ['Юрійович', 'Юріївна'],
  ['Ярославович', 'Ярославівна'],
] as const;
const COMPANIES = [
  'ТОВ «Світанок»',
  'ФОП Мельник',
  'ПП «Дніпро-Агро»',
  'ТОВ «Карпати Трейд»',
  'АТ «Укрбуд»',
  'ТОВ «Полтавська кераміка»',
  'ФОП Ткачук',
  'ТОВ «Львівська кава»',
  'ПП «Чорноморець»',
] as const;
const CITIES = ['Київ', 'Львів', 'Харків', 'Одеса', 'Дніпро', 'Вінниця', 'Полтава', 'Чернігів'];
const TAGS = ['VIP', 'опт', 'роздріб', 'новий', 'постійний', 'борг'] as const;
const SOURCES = ['сайт', 'рекомендація', 'виставка', 'дзвінок'] as const;
/** Ukrainian mobile operator codes (067 Kyivstar, 050 Vodafone, 063 lifecell, …). */
const OPERATORS = ['50', '63', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99'] as const;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same office. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The fields of contact number `i` (already normalised, as the product's schema would store them). */
export function fakeContactFields(random: () => number, i: number): ContactFields {
  const female = random() < 0.5;
  const surname = pick(random, SURNAMES);
  const father = pick(random, FATHERS);
  const phones = [{ e164: `+380${pick(random, OPERATORS)}${String(i).padStart(7, '0')}` }];
  if (random() < 0.2) {
    phones.push({ e164: `+38044${String(Math.floor(random() * 1e7)).padStart(7, '0')}` });
  }
  const tags = TAGS.filter(() => random() < 0.15);
  return {
    surname,
    givenName: female ? pick(random, FEMALE_NAMES) : pick(random, MALE_NAMES),
    patronymic: random() < 0.8 ? father[female ? 1 : 0] : null,
    // The other free-text fields (src-shared/contacts/text-fields.ts) stay empty.
    ...contactTextOf({
      companyName: random() < 0.3 ? pick(random, COMPANIES) : null,
      address: random() < 0.4 ? `м. ${pick(random, CITIES)}, вул. Садова, ${1 + (i % 120)}` : null,
      source: random() < 0.5 ? pick(random, SOURCES) : null,
      notes: random() < 0.2 ? 'Передзвонити після свят щодо нового замовлення.' : null,
    }),
    phones,
    emails: random() < 0.5 ? [`client${i}@example.com.ua`] : [],
    messengers: random() < 0.3 ? { telegram: `@client${i}` } : {},
    tags,
  };
}
