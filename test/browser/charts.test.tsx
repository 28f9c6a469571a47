import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserDetail, UserTrackingProvider, createMemoryClient, type Theme } from '../../src/index.ts';
import { createFixtures, generateDemoDataset } from '../../src/testing/index.ts';
import { contrast } from '../theme/contrast.ts';
import '../../src/styles/userlens.css';

/*
 * The user page's charts as Chromium lays them out: axes of text with units, readouts on hover
 * and focus, one point and one moment, failed traces, focus rings and colours that contrast.
 */

const END = Date.parse('2026-11-07T00:00:00.000Z');
const HOUR = 3_600_000;
const f = createFixtures('2026-11-03T09:00:00.000Z');
// ana: traces on three days, two of the middle day's failed; two score series.
const anaDays: [day: string, traces: number, failed: number][] = [
  ['2026-11-03', 4, 0],
  ['2026-11-05', 13, 2],
  ['2026-11-06', 1, 0],
];
for (const [day, traces, failed] of anaDays) {
  for (let i = 0; i < traces; i++) {
    const timestamp = new Date(Date.parse(`${day}T08:00:00.000Z`) + i * 0.5 * HOUR).toISOString();
    f.trace({ userId: 'ana', timestamp });
    f.observation({ startTime: timestamp, level: i < failed ? 'ERROR' : 'DEFAULT', usageDetails: { input: 100 + i, output: 20 }, totalCost: 0.0004 * (i + 1) });
    if (i % 2 === 0) f.score({ name: 'helpfulness', value: 0.3 + (i % 7) / 10, timestamp });
    if (i % 3 === 0) f.score({ name: 'accuracy', value: 0.9 - (i % 5) / 10, timestamp: new Date(Date.parse(timestamp) + 60_000).toISOString() });
  }
}
// solo: a brand-new user, one trace and one score.
f.trace({ userId: 'solo', timestamp: '2026-11-05T13:40:00.000Z' });
f.observation({ startTime: '2026-11-05T13:40:00.000Z' });
f.score({ name: 'quality', value: 0.75, timestamp: '2026-11-05T13:41:00.000Z' });
// burst: five scores of one name at the same instant, and three of another a minute apart.
for (let i = 0; i < 5; i++) {
  f.trace({ userId: 'burst', timestamp: '2026-11-05T09:00:00.000Z' });
  f.score({ name: 'quality', value: [0.2, 0.9, 0.5, 0.7, 0.4][i]!, timestamp: '2026-11-05T09:00:00.000Z' });
  if (i < 3) f.score({ name: 'accuracy', value: 0.6 + i / 10, timestamp: new Date(Date.parse('2026-11-05T09:00:00.000Z') + i * 60_000).toISOString() });
}
const dataset = f.dataset();
const client = createMemoryClient(dataset, { id: 'charts' });

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dayTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const activityOf = (userId: string) => client.getActivity({ userId, granularity: 'auto', timeZone: 'UTC' });

const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
beforeEach(() => page.viewport(1280, 800));
afterEach(() => root.render(null));

function show(userId: string, options: { tab?: 'traces' | 'scores'; theme?: Theme; metric?: 'traceCount' | 'totalCost' } = {}) {
  root.render(
    <UserTrackingProvider client={client} now={() => END} timeZone="UTC" theme={options.theme ?? 'light'}>
      <UserDetail userId={userId} defaultRange={{ preset: 'all' }} defaultTab={options.tab} defaultMetric={options.metric} />
    </UserTrackingProvider>,
  );
}

const activityChart = async () => {
  await expect.poll(() => host.querySelectorAll('[data-part="user-detail-activity"] [data-part="user-detail-bar"]').length).toBeGreaterThan(0);
  return host.querySelector<SVGSVGElement>('[data-part="user-detail-activity"] svg[role="group"]')!;
};
const scoreChart = async () => {
  await expect.element(page.getByRole('img', { name: 'Numeric scores over time' })).toBeInTheDocument();
  return host.querySelector<SVGSVGElement>('[data-part="user-detail-score-chart"] svg[role="img"]')!;
};
const axisTexts = (chart: Element, axis: 'x' | 'y') => [...chart.querySelectorAll(`[data-part="chart-axis"][data-axis="${axis}"] > g > text`)];
const texts = (elements: Element[]) => elements.map((element) => element.textContent);
const tooltip = (within: Element) => within.querySelector('[data-part="user-detail-chart-tooltip"]')?.textContent;
const bars = (chart: Element) => [...chart.querySelectorAll<SVGRectElement>('[data-part="user-detail-bar"]')];

/** Labels side by side, none over another, all inside the drawing. */
function expectApart(labels: Element[], chart: Element) {
  const box = chart.getBoundingClientRect();
  const boxes = labels.map((label) => label.getBoundingClientRect()).sort((a, b) => a.left - b.left);
  for (const [i, label] of boxes.entries()) {
    expect(label.left).toBeGreaterThanOrEqual(box.left - 0.5);
    expect(label.right).toBeLessThanOrEqual(box.right + 0.5);
    if (i > 0) expect(label.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
  }
}

describe('axes with ticks and units', () => {
  it('the activity chart names its buckets’ dates along x, and counts traces up y', async () => {
    show('ana');
    const chart = await activityChart();
    const { points, granularity } = await activityOf('ana');
    expect(granularity).toBe('day');
    const dates = texts(axisTexts(chart, 'x'));
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates[0]).toBe(day.format(Date.parse(points[0]!.start)));
    for (const date of dates) expect(points.map((p) => day.format(Date.parse(p.start)))).toContain(date);
    expectApart(axisTexts(chart, 'x'), chart);

    const counts = axisTexts(chart, 'y');
    const values = texts(counts).map(Number);
    expect(values[0]).toBe(0);
    expect(values.every(Number.isInteger)).toBe(true);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(Math.max(...points.map((p) => p.traceCount)));
    // Up the axis: each larger count sits higher.
    const heights = counts.map((label) => label.getBoundingClientRect().top);
    expect([...heights].sort((a, b) => b - a)).toEqual(heights);
    expect(chart.querySelector('[data-axis="y"] [data-part="chart-axis-title"]')!.textContent).toBe('Traces');
  });

  it('the activity chart’s value axis follows the figure: cost in the currency', async () => {
    show('ana', { metric: 'totalCost' });
    const chart = await activityChart();
    expect(chart.querySelector('[data-axis="y"] [data-part="chart-axis-title"]')!.textContent).toBe('Cost');
    const labels = texts(axisTexts(chart, 'y'));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const label of labels) expect(label).toMatch(/^\$\d/);
  });

  it('the score chart has dates along x and the scores’ scale up y', async () => {
    show('ana', { tab: 'scores' });
    const chart = await scoreChart();
    const stamps = dataset.scores.filter((s) => dataset.traces.find((t) => t.id === s.traceId)!.userId === 'ana').map((s) => Date.parse(s.timestamp));
    const dates = texts(axisTexts(chart, 'x'));
    expect(dates.length).toBeGreaterThanOrEqual(2);
    // Days from the first score's to the last's.
    expect(dates[0]).toBe(day.format(Math.min(...stamps)));
    expectApart(axisTexts(chart, 'x'), chart);
    const scale = texts(axisTexts(chart, 'y')).map(Number);
    expect(scale[0]).toBe(0);
    expect(scale.at(-1)).toBe(1);
    expect(chart.querySelector('[data-axis="y"] [data-part="chart-axis-title"]')!.textContent).toBe('Value');
  });
});

describe('readouts on hover and focus', () => {
  it('hovering a bucket reads its date, the figure by name with its value, and the failed traces among them', async () => {
    show('ana');
    const chart = await activityChart();
    const { points } = await activityOf('ana');
    const busiest = points.findIndex((p) => p.traceCount === Math.max(...points.map((q) => q.traceCount)));
    const point = points[busiest]!;
    await userEvent.hover(bars(chart)[busiest]!);
    await expect.poll(() => tooltip(host)).toBe(`${day.format(Date.parse(point.start))} · Traces: ${point.traceCount} (${point.errorCount} failed)`);
    // A bucket without failures says nothing of them.
    const clean = points.findIndex((p) => p.traceCount > 0 && p.errorCount === 0);
    await userEvent.hover(bars(chart)[clean]!);
    await expect.poll(() => tooltip(host)).toBe(`${day.format(Date.parse(points[clean]!.start))} · Traces: ${points[clean]!.traceCount}`);
  });

  it('moving through the buckets by keyboard reads each, and names it for screen readers', async () => {
    show('ana');
    const chart = await activityChart();
    const { points } = await activityOf('ana');
    bars(chart)[0]!.focus();
    await userEvent.keyboard('{ArrowRight}');
    const expected = `${day.format(Date.parse(points[1]!.start))} · Traces: ${points[1]!.traceCount}`;
    expect(document.activeElement).toBe(bars(chart)[1]);
    expect(tooltip(host)).toBe(expected);
    expect(bars(chart)[1]!.getAttribute('aria-label')).toBe(expected);
  });

  it('the score chart reads the score under the pointer and each score by keyboard, with its name', async () => {
    show('ana', { tab: 'scores' });
    const chart = await scoreChart();
    const scores = dataset.scores
      .filter((s) => dataset.traces.find((t) => t.id === s.traceId)!.userId === 'ana')
      .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    const reading = (s: (typeof scores)[number]) => `${dayTime.format(Date.parse(s.timestamp))} · ${s.name}: ${new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(s.value as number)}`;
    chart.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => tooltip(host)).toBe(reading(scores[1]!));
    await userEvent.keyboard('{End}');
    await expect.poll(() => tooltip(host)).toBe(reading(scores.at(-1)!));
    // The pointer over the last dot reads the same score.
    const dots = [...chart.querySelectorAll('circle:not([data-part])')];
    const last = dots.reduce((a, b) => (b.getBoundingClientRect().left > a.getBoundingClientRect().left ? b : a));
    chart.blur();
    await userEvent.hover(last);
    await expect.poll(() => tooltip(host)).toBe(reading(scores.at(-1)!));
  });
});

describe('one point, one moment', () => {
  it('a brand-new user’s one bucket is a bar of bar width, named by its hour, on a 0–1 axis', async () => {
    show('solo');
    const chart = await activityChart();
    const [bar] = bars(chart);
    expect(bars(chart)).toHaveLength(1);
    const plot = chart.getBoundingClientRect();
    expect(bar!.getBoundingClientRect().width).toBeLessThanOrEqual(40);
    expect(bar!.getBoundingClientRect().width).toBeGreaterThanOrEqual(8);
    expect(plot.width).toBeGreaterThan(300);
    const { points } = await activityOf('solo');
    expect(texts(axisTexts(chart, 'x'))).toEqual([dayTime.format(Date.parse(points[0]!.start))]);
    expect(texts(axisTexts(chart, 'y'))).toEqual(['0', '1']);
    await userEvent.hover(bar!);
    await expect.poll(() => tooltip(host)).toBe(`${dayTime.format(Date.parse(points[0]!.start))} · Traces: 1`);
  });

  it('one score is a dot inside a labelled hour, not an empty chart', async () => {
    show('solo', { tab: 'scores' });
    const chart = await scoreChart();
    const dots = chart.querySelectorAll('circle:not([data-part])');
    expect(dots).toHaveLength(1);
    const box = dots[0]!.getBoundingClientRect();
    expect(box.width).toBeGreaterThanOrEqual(5);
    // The axis spans the score's hour: its first label is that hour.
    expect(texts(axisTexts(chart, 'x'))[0]).toBe(dayTime.format(Date.parse('2026-11-05T13:00:00.000Z')));
    const svg = chart.getBoundingClientRect();
    expect(box.left).toBeGreaterThan(svg.left + svg.width / 4);
  });

  it('scores at one moment are a column of dots, and no line runs up and down through them', async () => {
    show('burst', { tab: 'scores' });
    const chart = await scoreChart();
    expect(chart.querySelectorAll('[data-series="0"] circle')).toHaveLength(5);
    expect(chart.querySelectorAll('[data-series="1"] circle')).toHaveLength(3);
    for (const path of chart.querySelectorAll('[data-series] path')) {
      const vertices = [...path.getAttribute('d')!.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      for (let i = 1; i < vertices.length; i++) expect(Math.abs(vertices[i]![0]! - vertices[i - 1]![0]!)).toBeGreaterThan(1);
    }
    // The five at one instant share one x; each keeps its own height.
    const xs = new Set([...chart.querySelectorAll('[data-series="0"] circle')].map((c) => c.getAttribute('cx')));
    const ys = new Set([...chart.querySelectorAll('[data-series="0"] circle')].map((c) => c.getAttribute('cy')));
    expect(xs.size).toBe(1);
    expect(ys.size).toBe(5);
  });
});

describe('failed traces stand out, and not by colour alone', () => {
  it('draws each bucket’s failed traces hatched in the danger colour, in proportion, and names them', async () => {
    show('ana');
    const chart = await activityChart();
    const { points } = await activityOf('ana');
    const failed = [...chart.querySelectorAll<SVGRectElement>('[data-part="user-detail-bar-failed"]')];
    expect(failed).toHaveLength(points.filter((p) => p.errorCount > 0).length);
    const i = points.findIndex((p) => p.errorCount > 0);
    const ratio = failed[0]!.getBoundingClientRect().height / bars(chart)[i]!.getBoundingClientRect().height;
    expect(ratio).toBeCloseTo(points[i]!.errorCount / points[i]!.traceCount, 1);
    // Its fill is a pattern whose ground is the theme's danger colour.
    const patternId = /url\(#(.+)\)/.exec(failed[0]!.getAttribute('fill')!)![1]!;
    const pattern = document.getElementById(patternId)!;
    const probe = host.querySelector('[data-part="user-detail"]')!.appendChild(document.createElement('span'));
    probe.style.color = 'var(--ul-color-danger)';
    expect(getComputedStyle(pattern.querySelector('rect')!).fill).toBe(getComputedStyle(probe).color);
    expect(pattern.querySelector('line')).not.toBeNull();
    // Text says it too: the legend, and each bucket's readout.
    const legend = host.querySelector('[data-part="user-detail-chart-legend"]')!;
    expect(legend.textContent).toBe('Errors');
    expect(legend.querySelector('rect')!.getAttribute('fill')).toBe(`url(#${patternId})`);
    expect(bars(chart)[i]!.getAttribute('aria-label')).toMatch(new RegExp(`: ${points[i]!.traceCount} \\(${points[i]!.errorCount} failed\\)$`));
  });

  it('keeps failed traces out of the legend and the bars when there are none', async () => {
    show('solo');
    const chart = await activityChart();
    expect(chart.querySelector('[data-part="user-detail-bar-failed"]')).toBeNull();
    expect(host.querySelector('[data-part="user-detail-chart-legend"]')).toBeNull();
  });
});

describe('focus and colour that contrast', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`a focused bar’s ring is not its own colour and stands 3:1 off the page (${theme})`, async () => {
      show('ana', { theme });
      const chart = await activityChart();
      bars(chart)[0]!.focus();
      await userEvent.keyboard('{ArrowRight}');
      const bar = bars(chart)[1]!;
      expect(document.activeElement).toBe(bar);
      const style = getComputedStyle(bar);
      const background = getComputedStyle(host.querySelector('[data-part="user-detail"]')!).backgroundColor;
      expect(style.outlineStyle).toBe('solid');
      expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
      // Offset: the ring sits on the page, beside the bar rather than on it.
      expect(parseFloat(style.outlineOffset)).toBeGreaterThan(0);
      expect(style.outlineColor).not.toBe(style.fill);
      expect(contrast(style.outlineColor, background)).toBeGreaterThanOrEqual(3);
    });

    it(`every score series is drawn 3:1 off the chart’s background (${theme})`, async () => {
      show('ana', { tab: 'scores', theme });
      const chart = await scoreChart();
      const background = getComputedStyle(host.querySelector('[data-part="user-detail"]')!).backgroundColor;
      const series = [...chart.querySelectorAll('[data-series]')];
      expect(series).toHaveLength(2);
      const colours = series.map((g) => getComputedStyle(g.querySelector('circle')!).fill);
      expect(new Set(colours).size).toBe(2);
      for (const colour of colours) expect(contrast(colour, background)).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('the tables beside the charts', () => {
  it('each chart opens a table of its numbers', async () => {
    show('ana', { tab: 'scores' });
    await scoreChart();
    const { points } = await activityOf('ana');
    const summaries = page.getByText('Show as a table');
    await expect.poll(() => summaries.elements().length).toBe(2);
    for (const summary of summaries.elements()) await userEvent.click(summary);
    const activity = page.getByRole('table', { name: 'Traces per day' });
    expect(activity.getByRole('row').elements()).toHaveLength(points.length + 1);
    expect(activity.getByRole('columnheader').elements().map((h) => h.textContent)).toEqual(['Period starting', 'Traces', 'Errors']);
    const scores = page.getByRole('table', { name: 'Numeric scores over time' });
    const count = dataset.scores.filter((s) => dataset.traces.find((t) => t.id === s.traceId)!.userId === 'ana').length;
    expect(scores.getByRole('row').elements()).toHaveLength(count + 1);
  });

  it('the models table fits its half of the page at 1280 px: the share of cost is not cut', async () => {
    const demo = generateDemoDataset({ seed: 8, users: 40, end: END });
    const counts = new Map<string, number>();
    for (const trace of demo.traces) if (trace.userId) counts.set(trace.userId, (counts.get(trace.userId) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    root.render(
      <UserTrackingProvider client={createMemoryClient(demo, { id: 'charts-models' })} now={() => END} timeZone="UTC">
        <UserDetail userId={busiest} defaultRange={{ preset: 'all' }} />
      </UserTrackingProvider>,
    );
    await expect.poll(() => host.querySelectorAll('[data-part="user-detail-share"]').length).toBeGreaterThan(3);
    expect(window.innerWidth).toBe(1280);
    const scroll = host.querySelector<HTMLElement>('[data-part="user-detail-models"] [data-part="user-detail-scroll"]')!;
    expect(scroll.getBoundingClientRect().width).toBeLessThan(700);
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
  });
});
