// `npm start` / `npm run digest`: rebuilds dist/ when a source is newer, then runs it in this process.
import { build, isStale } from "./build.mjs";

if (isStale()) await build();
await import("../dist/main.js");
