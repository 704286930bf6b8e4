/**
 * functions.js is built with Babel's `iterableIsArray` assumption (webpack.config.js): spreading,
 * destructuring and for-of become index loops and concat, which read a Map, a Set, an iterator or
 * a string as if it were an empty or one-item array. This reads every module functions.js bundles
 * with the TypeScript checker and fails on any of those three forms over something that is not an
 * array or a tuple; such a module uses Array.from or forEach instead. No build needed.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";

const ROOT = resolve(__dirname, "../..");
const ENTRY = join(ROOT, "src/functions/bundle.ts");

/** The file a relative specifier names, as the bundler resolves it (JSON and plain JS left out). */
function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, base, join(base, "index.ts")].find(
    (path) => path.endsWith(".ts") && existsSync(path) && statSync(path).isFile(),
  );
}

/** Every TypeScript module reachable from functions.js's entry through relative imports. */
function bundledModules(): string[] {
  const found = new Set<string>([ENTRY]);
  for (const file of found) {
    const { importedFiles } = ts.preProcessFile(ts.sys.readFile(file) ?? "", true, true);
    for (const { fileName } of importedFiles) {
      const target = fileName.startsWith(".") ? resolveModule(file, fileName) : undefined;
      if (target) found.add(target);
    }
  }
  return Array.from(found);
}

const configFile = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  },
});

test("nothing functions.js bundles spreads, destructures or for-ofs anything but an array", () => {
  const files = bundledModules();
  expect(files.map((file) => relative(ROOT, file))).toEqual(
    expect.arrayContaining([
      "src/functions/functions.ts",
      "src/model/card.ts",
      "src/data/index.ts",
    ]),
  );
  const program = ts.createProgram(files, configFile!.options);
  const checker = program.getTypeChecker();
  const isArray = (type: ts.Type): boolean =>
    type.isUnion()
      ? type.types.every(isArray)
      : checker.isArrayType(type) || checker.isTupleType(type);
  const wrong: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const check = (iterated: ts.Node, form: string) => {
      const type = checker.getNonNullableType(checker.getTypeAtLocation(iterated));
      if (isArray(type)) return;
      const line = source.getLineAndCharacterOfPosition(iterated.getStart()).line + 1;
      wrong.push(`${relative(ROOT, file)}:${line} ${form} over ${checker.typeToString(type)}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isForOfStatement(node)) check(node.expression, "for-of");
      else if (ts.isSpreadElement(node)) check(node.expression, "spread");
      else if (ts.isArrayBindingPattern(node)) {
        const holder = node.parent;
        // A pattern in a for-of head takes the items the for-of check above already covers.
        if (ts.isVariableDeclaration(holder) && holder.initializer)
          check(holder.initializer, "destructuring");
        else if (ts.isParameter(holder) || ts.isBindingElement(holder))
          check(holder, "destructuring");
      } else if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isArrayLiteralExpression(node.left)
      )
        check(node.right, "destructuring");
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(wrong).toEqual([]);
});
