# careergraph's GraphQL API (`careergraph serve`), run from source through tsx as a checkout is.
# docker-compose.yml builds it as the `api` service, next to Neo4j.
# The web explorer is bundled by Vite in a build stage; only its output (dist/web) reaches the image.
FROM node:20-slim AS web
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm install --ignore-scripts --no-audit --no-fund
COPY web ./web
COPY src/client ./src/client
RUN npm run build:web

FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production

COPY package.json package-lock.json ./
# Runtime dependencies only; no install scripts (the `prepare` build is not needed: tsx runs src/).
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

COPY bin ./bin
COPY src ./src
COPY cypher ./cypher
COPY data ./data
COPY examples ./examples
COPY schema.graphql tsconfig.json ./
COPY --from=web /build/dist/web ./dist/web

USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "bin/careergraph.js", "serve", "--host", "0.0.0.0"]
