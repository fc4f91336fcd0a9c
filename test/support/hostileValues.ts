/**
 * The fuzz test's material: values of every type, strings that mean something to a file
 * system, a URL parser or a Unicode library, numbers at the edges of what JSON and
 * structured clone carry, and keys that reach an object's prototype. Built once per run.
 */

/** What a hostile payload plants, so the test can look for it on `Object.prototype`. */
export const POLLUTION_MARK = 'polluted';

const pollution = () => [
  JSON.parse(`{"__proto__":{"${POLLUTION_MARK}":"yes"}}`),
  JSON.parse(`{"constructor":{"prototype":{"${POLLUTION_MARK}":"yes"}}}`),
  JSON.parse(`{"prototype":{"${POLLUTION_MARK}":"yes"}}`),
];

function deep(levels: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

let huge: string[] | null = null;

/** 1–10 MB: the shape of a frame meant to make the app copy, log or echo it. */
function hugeStrings(): string[] {
  huge ??= [
    'a'.repeat(1_000_000),
    '../'.repeat(1_000_000),
    'é🎬'.repeat(1_250_000),
    '\0'.repeat(2_000_000),
    // Valid base64 (and a valid clip id alphabet) at 10 MB: some fields must take it.
    'A'.repeat(10_000_000),
    // A well-formed URL of 3 MB: a URL field needs a bound of its own.
    `https://example.com/${'a'.repeat(3_000_000)}`,
  ];
  return huge;
}

let values: unknown[] | null = null;

/** Values of the wrong type for almost any field, and odd ones of the right type. */
export function hostileValues(): unknown[] {
  return (values ??= [
    null,
    true,
    false,
    0,
    -0,
    -1,
    0.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    -(2 ** 53) - 1,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
    10n,
    Symbol('fuzz'),
    '',
    'x',
    '1',
    'true',
    'null',
    [],
    [null],
    ['x'],
    {},
    { toString: 'x', valueOf: 1 },
    deep(10_000, (inner) => ({ a: inner })),
    deep(10_000, (inner) => [inner]),
    new Date(0),
    new Map([['a', 1]]),
    Object.create(null),
    ...pollution(),
  ]);
}

/** Where a path, a URL or Unicode goes wrong, and sizes no field should take. */
export function hostileStrings(): string[] {
  return [
    '../../etc/passwd',
    '..',
    '.',
    '/etc/passwd',
    '/etc/passwd\0.mp4',
    'C:\\Windows',
    'C:\\Windows\\System32\\config\\SAM',
    '\\\\?\\C:\\Windows',
    '\\\\server\\share\\x',
    'clip\0.mp4',
    '\0',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '....//....//etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '~/.ssh/id_rsa',
    '/proc/self/environ',
    'CON',
    'NUL.mp4',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://127.0.0.1:1/',
    'https://evil.example/',
    'https://api.airforce@evil.example/',
    'http://[::1/x',
    '%zz',
    '\ud800',
    '\udfff\ud800',
    '\u202egnp.exe',
    '\u200b',
    '\ufeff',
    'a\u0301\u0301\u0301\u0301',
    'İ',
    'ß',
    '．．／．．／',
    '𝓬𝓵𝓲𝓹',
    '   ',
    '\t\n\r',
    'x'.repeat(65),
    'x'.repeat(129),
    'x'.repeat(513),
    'x'.repeat(4097),
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    ...hugeStrings(),
  ];
}

/**
 * Folders that cannot be made: the library would really move into a folder that can.
 * Existing files, a path through a file, a name too long, a NUL byte, Windows forms and
 * relative ones (this machine is POSIX).
 */
export function safeFolderProbes(): string[] {
  return [
    '/etc/passwd',
    '/etc/passwd/x',
    '/tmp/../etc/passwd',
    '/dev/null',
    '/proc/self/environ',
    `/${'a'.repeat(300)}`,
    '/etc/passwd\0',
    '/\0',
    'C:\\Windows',
    '\\\\?\\C:\\Windows',
    '\\\\server\\share',
    '../../etc',
    '%2e%2e%2f',
    'relative/folder',
    '~',
    '',
    ...hugeStrings().filter((s) => !s.startsWith('/')),
  ];
}

/** Requests that are not a request object at all, or are one only by accident. */
export function wholeRequests(): [string, unknown][] {
  const [protoKey, constructorKey, prototypeKey] = pollution();
  return [
    ['null', null],
    ['true', true],
    ['0', 0],
    ['-0', -0],
    ['NaN', NaN],
    ['a string', 'app.info'],
    ['an empty string', ''],
    ['10 MB string', hugeStrings()[4]],
    ['[]', []],
    ['[{}]', [{}]],
    ['an array of pollution', [protoKey]],
    ['10,000 nested objects', deep(10_000, (inner) => ({ a: inner }))],
    ['10,000 nested arrays', deep(10_000, (inner) => [inner])],
    ['own __proto__', protoKey],
    ['constructor.prototype', constructorKey],
    ['prototype', prototypeKey],
    ['a null-prototype object', Object.create(null)],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a function', () => ({})],
    ['a symbol', Symbol('request')],
    ['a bigint', 1n],
    [
      'a getter that throws',
      Object.defineProperty({}, 'id', {
        enumerable: true,
        get: () => {
          throw new Error('getter');
        },
      }),
    ],
    [
      'a proxy that throws',
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('ownKeys');
          },
          get: () => {
            throw new Error('get');
          },
        },
      ),
    ],
  ];
}

/** Names that are not commands: near misses, object keys, non-strings, 10 MB. */
export function hostileNames(): [string, unknown][] {
  return [
    ['empty', ''],
    ['padded', ' app.info'],
    ['upper case', 'APP.INFO'],
    ['with NUL', 'app.info\0'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['a path', '../../etc/passwd'],
    ['10 MB', hugeStrings()[0]!.repeat(10)],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object', {}],
    ['an array', ['app.info']],
    ['toString that is not a function', { toString: 1 }],
    [
      'toString that throws',
      {
        toString: () => {
          throw new Error('toString');
        },
      },
    ],
    ['a null-prototype object', Object.create(null)],
    ['a symbol', Symbol('app.info')],
    ['a bigint', 1n],
  ];
}
