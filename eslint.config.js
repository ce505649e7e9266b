import js from "@eslint/js";
import tseslint from "typescript-eslint";

const sdk = ["grammy", "grammy/*", "@grammyjs/*", "discord.js", "@discordjs/*"];
const outsideCore = ["**/adapters/**", "**/config.js", "**/app/**", "**/main.js"];

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "coverage/", ".scratch/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "no-console": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["src/**"],
    ignores: ["src/app/**", "src/main.ts", "src/adapters/**", "src/sources/http/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "undici", message: "Reach the network only through sources/http." }],
          patterns: [
            { group: ["**/adapters/**"], message: "Only app/ and main.ts import adapters." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "Reach the network only through sources/http." },
      ],
    },
  },
  {
    // The core is platform-neutral: no SDKs, no adapters, no config or composition root.
    files: [
      "src/model/**",
      "src/lib/**",
      "src/digest/**",
      "src/sources/**",
      "src/stories/**",
      "src/pipeline/**",
      "src/queries/**",
      "src/delivery/**",
      "src/store/**",
    ],
    ignores: ["src/sources/http/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "undici", message: "Reach the network only through sources/http." }],
          patterns: [
            {
              group: [...sdk, ...outsideCore],
              message: "The core never imports a platform SDK, an adapter, config or app.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/adapters/telegram/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["discord.js", "@discordjs/*", "**/adapters/discord/**"],
              message: "Adapters never import each other.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/adapters/discord/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["grammy", "grammy/*", "@grammyjs/*", "**/adapters/telegram/**"],
              message: "Adapters never import each other.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/adapters/console/**", "src/main.ts", "scripts/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["test/**", "scripts/**"],
    rules: { "max-lines": "off" },
  },
  {
    // The build scripts are plain JavaScript: they run before any TypeScript tooling is installed.
    files: ["*.js", "*.config.ts", "scripts/*.mjs"],
    languageOptions: { parserOptions: { projectService: false } },
    ...tseslint.configs.disableTypeChecked,
  },
);
