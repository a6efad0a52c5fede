/**
 * Common passwords of Ukrainian and Russian speakers that zxcvbn's English-centred lists miss:
 * Cyrillic words, their transliterations, Cyrillic words typed on the Latin layout ("gfhjkm" is
 * "пароль"), and ЙЦУКЕН keyboard walks. Most frequent first (zxcvbn ranks by position).
 * The 49k-entry `passwords-common` list of @zxcvbn-ts/language-common covers the rest.
 */
// prettier-ignore
export const LOCAL_COMMON_PASSWORDS: readonly string[] = [
  'пароль', 'parol', 'gfhjkm', 'йцукен', 'qwerty123', 'ytrewq', 'йцукенгшщз', 'йцукенгшщзхї',
  'йцукенгшщзхъ', 'фівапролдж', 'фывапролдж', 'фівапролджє', 'ячсмитьбю', 'яблуко', 'яблоко',
  'привіт', 'привет', 'ghbdtn', 'ghbdsn', 'кохання', 'kohannya', 'kokhannia', 'любов', 'любовь',
  'lubov', 'lyubov', 'сонечко', 'sonechko', 'солнышко', 'solnyshko', 'зайка', 'zayka', 'котик',
  'kotyk', 'kotik', 'рибка', 'rybka', 'україна', 'ukraina', 'ukraine', 'славаукраїні',
  'slavaukraini', 'героямслава', 'heroyamslava', 'київ', 'kyiv', 'киев', 'kiev', 'харків',
  'kharkiv', 'одеса', 'odesa', 'odessa', 'львів', 'lviv', 'дніпро', 'dnipro', 'запоріжжя',
  'zaporizhzhia', 'наташа', 'natasha', 'олена', 'olena', 'оксана', 'oksana', 'тетяна', 'tetiana',
  'таня', 'tanya', 'світлана', 'svitlana', 'svetlana', 'максим', 'maksym', 'maksim', 'саша',
  'sasha', 'дмитро', 'dmytro', 'dmitriy', 'андрій', 'andriy', 'andrii', 'сергій', 'serhii',
  'sergey', 'володимир', 'volodymyr', 'vladimir', 'іван', 'ivan', 'микола', 'mykola', 'шевченко',
  'shevchenko', 'динамо', 'dynamo', 'шахтар', 'shakhtar', 'адмін', 'admin', 'адміністратор',
  'administrator', 'замок', 'zamok', 'офіс', 'ofis', 'бухгалтер', 'bukhgalter', 'buhgalter',
  'менеджер', 'menedzher', 'директор', 'dyrektor', 'direktor', 'клієнт', 'kliient', 'klient',
  'робота', 'robota', 'работа', 'rabota', 'компанія', 'kompaniia', 'секрет', 'sekret', 'весна',
  'vesna', 'літо', 'lito', 'осінь', 'osin', 'зима', 'zyma', 'zima', 'мамапапа', 'mamapapa',
  'ненавиджу', 'мояфірма', 'moiafirma', 'qazwsx', 'йфяцічувс', 'пароль123', 'parol123',
  'gfhjkm123', 'йцукен123', 'ukraine1991', 'україна1991',
];
