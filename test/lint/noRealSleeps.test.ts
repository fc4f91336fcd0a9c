import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Issue 13: no unit test sleeps on the wall clock. A test waits on what it waits for — an
 * event the code emits, a promise it returns, a virtual clock (ManualClock) — and a test
 * that proves nothing happens waits for a later event that must come after it. A sleep is
 * flaky when the machine is slow and vacuous when the code is slower than the sleep.
 * bench/ and test/e2e are exempt: timing is what they measure.
 */
const root = resolve(import.meta.dirname, '../..');

/** Files allowed a sleep, each with why; every entry must still need it. */
const allowed: Record<string, string> = {
  // It checks the simulator's own real-time pace (performance.now × speed): the wall clock
  // is the thing under test.
  'src/simulator/clock.test.ts': 'the wall clock is what it tests',
};

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const rel = relative(root, path).split('\\').join('/');
      return rel === 'test/e2e' || name === 'node_modules' ? [] : testFiles(path);
    }
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The value of a delay written as a number (`20`, `1_000`, `20 * 60_000`), else undefined. */
function literalMs(node: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isParenthesizedExpression(node)) return literalMs(node.expression);
  if (ts.isBinaryExpression(node)) {
    const [a, b] = [literalMs(node.left), literalMs(node.right)];
    if (a === undefined || b === undefined) return undefined;
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.AsteriskToken:
        return a * b;
      case ts.SyntaxKind.PlusToken:
        return a + b;
      case ts.SyntaxKind.MinusToken:
        return a - b;
      case ts.SyntaxKind.SlashToken:
        return a / b;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** `setTimeout`, `globalThis.setTimeout`, `timers.setTimeout` — not a clock's or a socket's. */
function isTimerCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'setTimeout';
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'setTimeout' &&
    ts.isIdentifier(callee.expression) &&
    ['globalThis', 'global', 'window', 'timers'].includes(callee.expression.text)
  );
}

/** The `resolve` of the `new Promise(…)` executor `node` is in, if any. */
function executorResolve(node: ts.Node): string | undefined {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (!ts.isArrowFunction(at) && !ts.isFunctionExpression(at)) continue;
    const outer: ts.Node = at.parent;
    if (
      ts.isNewExpression(outer) &&
      ts.isIdentifier(outer.expression) &&
      outer.expression.text === 'Promise' &&
      outer.arguments?.[0] === at
    ) {
      const first = at.parameters[0]?.name;
      return first && ts.isIdentifier(first) ? first.text : undefined;
    }
  }
  return undefined;
}

/** The timer settles the promise: `setTimeout(resolve, …)`, `setTimeout(() => resolve(x), …)`. */
function resolvesWith(callback: ts.Expression, resolveName: string): boolean {
  if (ts.isIdentifier(callback)) return callback.text === resolveName;
  let calls = false;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === resolveName
    )
      calls = true;
    if (!calls) ts.forEachChild(node, visit);
  };
  if (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) visit(callback.body);
  return calls;
}

/** Lines (1-based) of `code` that sleep for a literal, non-zero number of milliseconds. */
export function realSleeps(code: string, fileName = 'x.test.ts'): number[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTimerCall(node)) {
      const [first, second] = node.arguments;
      // node:timers/promises: `await setTimeout(20)`.
      const promised =
        first !== undefined && second === undefined && ts.isAwaitExpression(node.parent);
      const delay = promised ? first : second;
      const ms = delay && literalMs(delay);
      const resolveName = executorResolve(node);
      const sleeps =
        promised ||
        (first !== undefined && resolveName !== undefined && resolvesWith(first, resolveName));
      if (ms !== undefined && ms !== 0 && sleeps) {
        lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe('no real sleeps in unit tests (issue 13)', () => {
  it.each([
    ['await new Promise((resolve) => setTimeout(resolve, 20));', [1]],
    ['await new Promise((r) => setTimeout(r, 1_000));', [1]],
    [
      'const sleep = () =>\n  new Promise<void>(function (done) {\n    setTimeout(() => done(), 5);\n  });',
      [3],
    ],
    ['await new Promise((resolve) => globalThis.setTimeout(resolve, 2 * 60_000));', [1]],
    ["import { setTimeout } from 'node:timers/promises';\nawait setTimeout(50);", [2]],
    // A macrotask turn is no sleep: nothing waits on the wall clock.
    ['await new Promise((resolve) => setTimeout(resolve, 0));', []],
    // A delay the code was given, and timers of the code under test, are not the test's own.
    ['const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));', []],
    ['clock.setTimeout(() => fire(), 30_000);', []],
    ['socket.setTimeout(2_000);', []],
    // A deadline that rejects is no sleep: the test waits for the event, not for the timer.
    [
      'new Promise((resolve, reject) => {\n  setTimeout(() => reject(new Error()), 20_000);\n});',
      [],
    ],
    ['await new Promise((resolve) => clock.setTimeout(resolve, 500));', []],
  ])('finds the sleeps in %j', (code, lines) => {
    expect(realSleeps(code)).toEqual(lines);
  });

  it('finds none in src/ and test/, but in the files allowed one', () => {
    const found = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))].flatMap(
      (file) => {
        const rel = relative(root, file).split('\\').join('/');
        return realSleeps(readFileSync(file, 'utf8'), file).map((line) => `${rel}:${line}`);
      },
    );
    const file = (at: string) => at.replace(/:\d+$/, '');
    expect(found.filter((at) => !(file(at) in allowed))).toEqual([]);
    // An allowance no file needs any more is taken back.
    expect(Object.keys(allowed).filter((name) => !found.some((at) => file(at) === name))).toEqual(
      [],
    );
  });
});
