import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

function layer(files, forbidden, message) {
  return [{ files: [files], rules: { "no-restricted-imports": ["error", { patterns: [{ group: forbidden, message }] }] } }];
}

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "data/**", ".cache/**", "test-results/**", "playwright-report/**", "bench-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  // The layers (docs/architecture.md): domain imports nothing of the app; utils only domain;
  // models utils and domain; components and routes no seed or worker; only app/startup.server.ts
  // imports the seed.
  ...layer("app/domain/**", ["~/utils/*", "~/models/*", "~/routes/*", "~/components/*", "~/seed/*", "~/worker/*", "~/startup.server"], "domain is pure rules: it imports nothing of the app"),
  ...layer("app/utils/**", ["~/models/*", "~/routes/*", "~/components/*", "~/seed/*", "~/worker/*", "~/startup.server"], "utils may import only domain (and utils)"),
  ...layer("app/models/**", ["~/routes/*", "~/components/*", "~/seed/*", "~/worker/*", "~/startup.server"], "models may import only utils and domain"),
  ...layer("app/components/**", ["~/models/*", "~/routes/*", "~/seed/*", "~/worker/*", "~/startup.server"], "components render; data comes from loaders"),
  ...layer("app/routes/**", ["~/seed/*", "~/worker/*", "~/utils/db.server"], "routes ask models (every query lives in app/models); only the start-up module imports the seed"),
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }] },
  },
  // No import cycles and one import per module, across the app, its scripts and its tests.
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }], "import-x/no-duplicates": ["error", { "prefer-inline": true }] },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Request: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", fetch: "readonly" } },
  },
);
