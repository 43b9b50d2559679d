import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../src/slack/keep-alive';
import { parse } from 'yaml';

/**
 * docker-compose.yml cannot be started here (no Docker engine), so its promises are checked by reading
 * it: PostgreSQL 16 on a volume, two replicas that each run the scheduler behind one port, health
 * checks, and only variables the bot knows.
 */
const ROOT = join(__dirname, '..', '..');
const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(text, { merge: true }) as { services: Record<string, Service>; configs: { nginx: { content: string } } };
const services = compose.services;
const replicas = Object.entries(services).filter(([, service]) => service.image === 'mentorship-bot' && service.command === undefined);

it('runs PostgreSQL 16 with its data on a named volume, and a health check', () => {
  const postgres = services.postgres!;
  expect(postgres.image).toMatch(/^postgres:16(\b|-)/);
  expect(postgres.volumes).toContainEqual(expect.stringMatching(/^[a-z-]+:\/var\/lib\/postgresql\/data$/));
  expect(postgres.healthcheck?.test?.join(' ')).toContain('pg_isready');
});

it('runs two replicas of the bot, each with the scheduler, on the compose PostgreSQL, after the migrations', () => {
  expect(replicas).toHaveLength(2);
  for (const [, bot] of replicas) {
    expect(bot.environment?.SCHEDULER_ENABLED).toBe('true');
    expect(bot.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(bot.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(bot.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${bot.environment?.PORT}/healthz`);
  }
  expect(services.migrate?.command).toEqual(['node', 'dist/src/cli/migrate.js']);
});

it('puts both replicas behind one published port, starting when both are healthy', () => {
  const published = Object.values(services).flatMap((service) => service.ports ?? []);
  expect(published).toHaveLength(1);
  const nginx = compose.configs.nginx.content;
  for (const [name, bot] of replicas) {
    expect(nginx).toContain(`server ${name}:${bot.environment?.PORT} `);
    expect(services.nginx?.depends_on?.[name]?.condition).toBe('service_healthy');
  }
});

it('keeps idle connections to the replicas, and closes them before the bot would', () => {
  const nginx = compose.configs.nginx.content;
  expect(Number(/keepalive (\d+);/.exec(nginx)?.[1])).toBeGreaterThanOrEqual(64);
  // The bot keeps an idle connection KEEP_ALIVE_TIMEOUT_MS: nginx must let go of it first.
  const seconds = Number(/keepalive_timeout (\d+)s;/.exec(nginx)?.[1]);
  expect(seconds * 1000).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS);
  expect(nginx).toMatch(/proxy_http_version 1\.1;[\s\S]*proxy_set_header Connection "";/);
});

it('gives the bot only variables it reads, and takes from .env only what .env.example lists', () => {
  const known = CONFIG_VARIABLES;
  for (const [, bot] of replicas)
    for (const variable of Object.keys(bot.environment ?? {})) expect({ variable, known: known.includes(variable) }).toEqual({ variable, known: true });
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
  for (const [, variable] of text.matchAll(/\$\{([A-Z_]+)[:}]/g))
    expect({ variable, listed: new RegExp(`^${variable}=`, 'm').test(example) }).toEqual({ variable, listed: true });
});
