import { parentPort } from "node:worker_threads";
import { digestArticle } from "../../digest/index.js";
import { serveDigests } from "./serve-digests.js";

// Loading the tokenizer's model before saying ready keeps it out of the first article's time.
digestArticle({ source: "warm-up.txt", text: "Warm up the pipeline. It has two sentences." });
if (parentPort)
  serveDigests(parentPort, (article, budgetMs) => digestArticle(article, { budgetMs }));
