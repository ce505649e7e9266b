# news-digest-bot: built to JavaScript (dist/) with esbuild, a runtime dependency, and run with node.
# Not built or tested in the project's CI (no container runtime there).
FROM node:20-slim

ENV NODE_ENV=production \
    DATABASE_PATH=/data/digest.db \
    HTTP_PORT=9464 \
    HTTP_HOST=0.0.0.0

WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/build.mjs scripts/run.mjs ./scripts/
# better-sqlite3 installs a prebuilt binary for linux-x64/arm64 glibc; no compiler needed.
# The prepare script finds no src/ yet and builds nothing; the build runs once the sources are in.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY src ./src
RUN node scripts/build.mjs
COPY seeds ./seeds

RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464

# /healthz needs no token, so the check works with HTTP_TOKEN set (required on 0.0.0.0).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

CMD ["node", "dist/main.js"]
