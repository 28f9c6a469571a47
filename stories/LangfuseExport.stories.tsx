import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef, useState, type DragEvent } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { demoEnd, demoNow } from '../.storybook/demoClient.ts';
import { createMemoryClient } from '../src/core.ts';
import { UserList, UserTrackingProvider, createExportClient, type ExportClient, type ExportReadSummary, type Theme } from '../src/index.ts';
import { generateDemoDataset } from '../src/testing/index.ts';
import { blobEnrichedObservations, blobScores, serialize } from '../test/export/langfuseExportWriter.ts';

interface Opened {
  client: ExportClient;
  files: number;
}

/**
 * A Langfuse export dropped on the page (or picked as files or as a folder), read by
 * `createExportClient` in a Web Worker and shown by the views as it loads: the bytes and rows
 * read, then the indexing, then the users. Nothing leaves the browser.
 */
function DropAnExport({ theme, locale, timeZone }: { theme: Theme; locale: string; timeZone: string }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [summary, setSummary] = useState<ExportReadSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const loads = useRef(0);
  // Only the latest load reports: an earlier one still reading says nothing once replaced.
  const latest = useRef<ExportClient | null>(null);
  const open = (files: File[]) => {
    if (files.length === 0) return;
    const client = createExportClient(files, { invalidRows: 'skip', id: `export-${++loads.current}` });
    latest.current = client;
    setOpened({ client, files: files.length });
    setSummary(null);
    setFailure(null);
    client.read.then(
      (read) => latest.current === client && setSummary(read),
      (error: Error) => latest.current === client && setFailure(error.message),
    );
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    open([...event.dataTransfer.files]);
  };
  const rows = summary?.files.reduce((sum, file) => sum + file.rows, 0) ?? 0;
  return (
    <div className="story-export">
      <div
        className="story-export-drop"
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>Drop a Langfuse export here: blob-storage files (JSON lines, JSON or CSV, gzipped or not, with their run’s manifest), a table exported from Langfuse’s UI, or a trace download. It is read in this browser only.</p>
        <label className="story-export-pick">
          Choose files <input type="file" multiple accept=".json,.jsonl,.csv,.gz" onChange={(event) => open([...(event.target.files ?? [])])} />
        </label>{' '}
        <label className="story-export-pick">
          Choose a folder <input type="file" multiple {...{ webkitdirectory: '' }} onChange={(event) => open([...(event.target.files ?? [])])} />
        </label>
      </div>
      {summary && (
        <p role="status" className="story-export-summary">
          Read {summary.files.length} of {opened?.files} files: {rows.toLocaleString('en-US')} rows
          {summary.skipped > 0 && `, ${summary.skipped.toLocaleString('en-US')} malformed left out (first: ${summary.errors[0]!.file}, line ${summary.errors[0]!.line}: ${summary.errors[0]!.message})`}
          {summary.duplicates > 0 && `, ${summary.duplicates.toLocaleString('en-US')} given twice`}
          {summary.ignoredFiles.length > 0 && `; set aside: ${summary.ignoredFiles.map((file) => `${file.name} (${file.reason})`).join(', ')}`}.
        </p>
      )}
      {failure && <p role="alert">{failure}</p>}
      {opened && (
        <UserTrackingProvider key={opened.client.id} client={opened.client} theme={theme} locale={locale} timeZone={timeZone} now={demoNow}>
          <UserList defaultRange={{ preset: 'all' }} />
        </UserTrackingProvider>
      )}
    </div>
  );
}

const meta = {
  title: 'Sources/Langfuse export',
  component: DropAnExport,
  parameters: { layout: 'padded' },
  tags: ['memory-only'],
} satisfies Meta<typeof DropAnExport>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A blob-storage run of Langfuse's recommended mode: enriched observations as JSON lines, scores as CSV, with one malformed row and the notice Langfuse writes beside them. */
function sampleRun() {
  const dataset = generateDemoDataset({ seed: 12, users: 40, end: demoEnd });
  const observations = serialize(blobEnrichedObservations(dataset), 'jsonl');
  const malformed = '{"id":"obs-broken","trace_id":"t-broken","type":"GENERATION","start_time":"not a time"}\n';
  const files = [
    new File([observations + malformed], 'observations_v2/2026-11-30T14-00-00.jsonl'),
    new File([serialize(blobScores(dataset), 'csv')], 'scores/2026-11-30T14-00-00.csv'),
    new File(['The traces/ and observations/ tables are deprecated.'], 'DEPRECATION_NOTICE.txt'),
  ];
  return { dataset, files };
}

export const DropAnExportFile: Story = {
  name: 'Drop an export',
  args: { theme: 'light', locale: 'en-US', timeZone: 'UTC' },
  render: (args, { globals }) => <DropAnExport {...args} theme={globals.theme as Theme} locale={globals.locale as string} timeZone={globals.timeZone as string} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const { dataset, files } = sampleRun();
    // As a folder picked whole: the notice beside the data files too (the file picker offers only data files).
    await userEvent.upload(canvas.getByLabelText('Choose a folder'), files);
    const status = await canvas.findByText(/^Read \d of \d files/, {}, { timeout: 15_000 });
    await expect(status).toHaveTextContent(`Read 2 of 3 files: ${(dataset.observations!.length + dataset.scores!.length).toLocaleString('en-US')} rows, 1 malformed left out (first: observations_v2/2026-11-30T14-00-00.jsonl, line ${dataset.observations!.length + 1}`);
    await expect(status).toHaveTextContent('set aside: DEPRECATION_NOTICE.txt');
    // The list shows the export's users with the figures the memory client gives the same records.
    const expected = await createMemoryClient(dataset).listUsers({ range: {}, sort: { field: 'lastEvent', direction: 'desc' }, pageSize: 50 });
    const grid = await canvas.findByRole('grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(expected.items.length + 1), { timeout: 15_000 });
    await expect(within(grid).getAllByRole('row')[1]).toHaveTextContent(expected.items[0]!.userId);
    await expect(within(grid).getAllByRole('row').at(-1)).toHaveTextContent(expected.items.at(-1)!.userId);
  },
};
