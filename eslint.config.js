import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "dist.*.tmp/", "node_modules/", "src/.observablehq/", "bench/results*"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      eqeqeq: ["error", "smart"],
      "no-console": "off",
    },
  },
);
