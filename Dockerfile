# syntax=docker/dockerfile:1
# Node 24 LTS, pinned to a release so a rebuild gets the same runtime; bump it deliberately.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# Build stage: compile only what the image runs (tsconfig.image.json: main, tick, migrate and what they
# import; no Slack stand-in, demo, bench, chaos or test code).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.image.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build:image

# Runtime stage: production dependencies and the compiled output only, as a non-root user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# `npm start`, `npm run tick` and `npm run migrate` check the build with it (no TypeScript here: they run dist/).
COPY src/cli/ensure-build.js ./src/cli/ensure-build.js
COPY manifest.yml ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /healthz listens on PORT in HTTP and Socket Mode alike.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The bot itself, without npm in between: signals reach it directly. One-off commands in the same image:
#   docker run --rm … mentorship-bot node dist/src/cli/migrate.js
#   docker run --rm … mentorship-bot node dist/src/cli/tick.js --now 2026-12-01T09:00:00Z
CMD ["node", "dist/src/main.js"]
