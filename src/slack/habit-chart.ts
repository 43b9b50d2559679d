import { Resvg } from '@resvg/resvg-js';
import { HABITS, type HabitTrend, percent } from '../domain/program/habits';
import { HABIT_LABEL } from './blocks/program-habits';

/**
 * The habits' bar chart (issue 16, point 4): for each habit two bars, the last 30 days and the 30
 * before, as shares of the pairs active in each. Drawn as SVG here (counts only: the labels are the
 * habits' names and the figures) and rasterised to PNG by resvg, which ships prebuilt in the npm
 * package, so nothing is downloaded or compiled at install. The text equivalent is habitText().
 */
const WIDTH = 720;
const LEFT = 250;
const BAR_WIDTH = 400;
const ROW = 44;
const TOP = 56;
const CURRENT = '#2e7d6b';
const PREVIOUS = '#b8c4c2';

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function habitChartSvg(trend: HabitTrend): string {
  const height = TOP + HABITS.length * ROW + 40;
  const text = (x: number, y: number, body: string, style = 'font-size="13"') =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans, sans-serif" fill="#1d1c1d" ${style}>${escapeXml(body)}</text>`;
  const bar = (y: number, value: number | null, colour: string) =>
    `<rect x="${LEFT}" y="${y}" width="${((value ?? 0) / 100) * BAR_WIDTH}" height="14" fill="${colour}"/>` +
    text(LEFT + ((value ?? 0) / 100) * BAR_WIDTH + 6, y + 12, value === null ? '–' : `${value}%`);
  const rows = HABITS.map((habit, i) => {
    const y = TOP + i * ROW;
    return text(10, y + 20, HABIT_LABEL[habit]) + bar(y + 2, percent(trend.current, habit), CURRENT) + bar(y + 18, percent(trend.previous, habit), PREVIOUS);
  });
  const legendY = TOP + HABITS.length * ROW + 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(10, 24, 'Program habits: share of active pairs keeping each', 'font-weight="bold" font-size="16"'),
    `<line x1="${LEFT}" y1="${TOP - 6}" x2="${LEFT}" y2="${TOP + HABITS.length * ROW - 6}" stroke="#888"/>`,
    ...rows,
    `<rect x="${LEFT}" y="${legendY - 10}" width="12" height="12" fill="${CURRENT}"/>`,
    text(LEFT + 18, legendY, `Last 30 days (${trend.current.pairs} pairs)`),
    `<rect x="${LEFT + 220}" y="${legendY - 10}" width="12" height="12" fill="${PREVIOUS}"/>`,
    text(LEFT + 238, legendY, `30 days before (${trend.previous.pairs} pairs)`),
    '</svg>',
  ].join('');
}

export function habitChartPng(trend: HabitTrend): Buffer {
  return new Resvg(habitChartSvg(trend), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
