// eslint (flat config): the rules that catch real bugs. Formatting is prettier's
// (.prettierrc.json), checked by `make lint`.
import js from "@eslint/js";
import globals from "globals";

// JSX names are uses of the component they name (what eslint-plugin-react's jsx-uses-vars does).
const jsxUsesVars = {
  meta: { type: "problem", schema: [] },
  create(context) {
    return {
      JSXOpeningElement(node) {
        let name = node.name;
        while (name.type === "JSXMemberExpression") name = name.object;
        if (name.type === "JSXIdentifier") context.sourceCode.markVariableAsUsed(name.name, node);
      },
    };
  },
};

export default [
  { ignores: ["pwa/static/dist/**", "node_modules/**", "instance/**", "test-artifacts/**"] },
  js.configs.recommended,
  {
    files: ["pwa/static/src/**/*.{js,jsx}"],
    languageOptions: {
      globals: { ...globals.browser, __APP_VERSION__: "readonly" }, // __APP_VERSION__: esbuild's define
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { feltmappe: { rules: { "jsx-uses-vars": jsxUsesVars } } },
    rules: { "feltmappe/jsx-uses-vars": "error" },
  },
  {
    // The value rules of docs/domain.md name control characters on purpose.
    files: ["pwa/static/src/formats.js"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["pwa/static/src/sw.js"],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ["tests/js/**/*.mjs", "scripts/**/*.mjs", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none", ignoreRestSiblings: true }],
      eqeqeq: ["error", "smart"],
      "no-implicit-globals": "error",
    },
  },
];
