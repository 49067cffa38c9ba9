/**
 * `pnpm bench [-- --scenario fanout,memory] [--quick]`: the load generator. It seeds throw-away
 * data, starts the real server (built, in its own process) and a bare Socket.IO relay, drives
 * them with real socket.io clients from this process, prints a table per scenario and writes
 * bench/results/<scenario>.json.
 */
import { execFileSync } from 'node:child_process';
import { bigWorkspace } from './lib/big-workspace.js';
import { exportUnderLoad } from './lib/export-load.js';
import { Board, type FanoutFigures } from './lib/fanout.js';
import { documentsAgainstHocuspocus } from './lib/documents.js';
import { describeMachine } from './lib/machine.js';
import { idleMemory, type MemoryFigures } from './lib/memory.js';
import { REPO_ROOT } from './lib/proc.js';
import { reconnectStorm } from './lib/reconnect.js';
import { sessionUnderLoad } from './lib/session-load.js';
import { writeResult } from './lib/report.js';
import { ratio, round, table } from './lib/stats.js';
import { startBare, startVerbund, type LoadTarget } from './lib/targets.js';

const SCENARIOS = ['fanout', 'capacity', 'memory', 'big-workspace', 'reconnect-storm', 'export-under-load', 'documents', 'session'] as const;
type Scenario = (typeof SCENARIOS)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const chosen = parseScenarios(args);
const EDITORS = 10;
const timing = quick ? { warmupMs: 1_000, measureMs: 3_000 } : { warmupMs: 2_000, measureMs: 10_000 };

function parseScenarios(argv: string[]): Scenario[] {
  const index = argv.indexOf('--scenario');
  if (index < 0) return [...SCENARIOS];
  const names = (argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.startsWith(n)));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
  return SCENARIOS.filter((s) => names.some((n) => s.startsWith(n)));
}

const startTarget = (name: 'verbund' | 'bare', accounts = 50): Promise<LoadTarget> => (name === 'verbund' ? startVerbund({ accounts }) : startBare());

async function withBoard<T>(name: 'verbund' | 'bare', clients: number, run: (board: Board) => Promise<T>): Promise<T> {
  const target = await startTarget(name);
  try {
    const board = await Board.open(target, clients);
    try {
      return await run(board);
    } finally {
      board.close();
    }
  } finally {
    await target.close();
  }
}

async function fanout(): Promise<void> {
  const cases = quick ? [[50, 50], [100, 100], [200, 20]] : [[50, 50], [100, 100], [500, 20]];
  const rows: (string | number)[][] = [];
  const figures: { verbund: FanoutFigures; bare: FanoutFigures; ratios: Record<string, number> }[] = [];
  for (const [clients = 0, rate = 0] of cases) {
    const load = { editors: EDITORS, rate, ...timing };
    const verbund = await withBoard('verbund', clients, (b) => b.run(load));
    const bare = await withBoard('bare', clients, (b) => b.run(load));
    const ratios = {
      deliveryP50: ratio(verbund.delivery.p50, bare.delivery.p50),
      deliveryP95: ratio(verbund.delivery.p95, bare.delivery.p95),
      deliveryP99: ratio(verbund.delivery.p99, bare.delivery.p99),
      deliveryMax: ratio(verbund.delivery.max, bare.delivery.max),
      ackP50: ratio(verbund.ack.p50, bare.ack.p50),
      ackP99: ratio(verbund.ack.p99, bare.ack.p99),
      deliveriesPerSecond: ratio(verbund.deliveriesPerSecond, bare.deliveriesPerSecond),
      serverCpu: ratio(verbund.serverCpu, bare.serverCpu),
      serverRss: ratio(verbund.serverRssMb, bare.serverRssMb),
    };
    figures.push({ verbund, bare, ratios });
    for (const f of [verbund, bare]) rows.push(fanoutRow(`(${clients}, ${rate}) ${f.target}`, f));
    rows.push([`(${clients}, ${rate}) ratio`, ratios.deliveryP50, ratios.deliveryP95, ratios.deliveryP99, ratios.deliveryMax, ratios.ackP50, ratios.ackP99, ratios.deliveriesPerSecond, ratios.serverCpu, ratios.serverRss, '', '', '']);
  }
  print('fan-out: C clients, 10 editors at a combined R edits/s (latencies in ms)', fanoutHeader, rows);
  writeResult('fanout', figures, { timing, editors: EDITORS });
}

const fanoutHeader = ['(C, R) target', 'p50', 'p95', 'p99', 'max', 'ack p50', 'ack p99', 'deliv/s', 'cpu', 'rss MB', 'lost', 'rejected', 'lg cpu/lag'];
const fanoutRow = (label: string, f: FanoutFigures): (string | number)[] => [
  label,
  round(f.delivery.p50),
  round(f.delivery.p95),
  round(f.delivery.p99),
  round(f.delivery.max),
  round(f.ack.p50),
  round(f.ack.p99),
  Math.round(f.deliveriesPerSecond),
  round(f.serverCpu, 2),
  round(f.serverRssMb),
  f.lost,
  Object.values(f.rejected).reduce((a, b) => a + b, 0),
  `${round(f.loadGenCpu, 2)}/${round(f.loadGenLagP99Ms)}`,
];

/** The highest rate into a 100-client board whose delivery p99 stays under 100 ms. */
async function capacity(): Promise<void> {
  const rates = quick ? [100, 200, 300, 400] : [100, 150, 200, 250, 300, 350, 400, 500, 600, 800];
  const load = quick ? { warmupMs: 1_000, measureMs: 2_000 } : { warmupMs: 1_000, measureMs: 5_000 };
  const rows: (string | number)[][] = [];
  const best: Record<string, number> = {};
  const steps: FanoutFigures[] = [];
  for (const name of ['verbund', 'bare'] as const) {
    best[name] = 0;
    await withBoard(name, 100, async (board) => {
      let failures = 0;
      for (const rate of rates) {
        const f = await board.run({ editors: EDITORS, rate, ...load });
        steps.push(f);
        rows.push(fanoutRow(`${name} R=${rate}`, f));
        const pass = f.delivery.p99 < 100 && f.lost === 0;
        if (pass && failures === 0) best[name] = rate;
        failures = pass ? 0 : failures + 1;
        if (failures >= 2) break;
      }
    });
  }
  const share = ratio(best.verbund ?? 0, best.bare ?? 0);
  print(`capacity: 100 clients; highest R with delivery p99 < 100 ms: Verbund ${best.verbund}, bare ${best.bare} (ratio ${share})`, fanoutHeader, rows);
  writeResult('capacity', { best, ratio: share, steps }, { load, editors: EDITORS, criterion: 'delivery p99 < 100 ms and nothing lost' });
}

async function memory(): Promise<void> {
  const count = quick ? 200 : 1_000;
  const figures: MemoryFigures[] = [];
  for (const name of ['verbund', 'bare'] as const) {
    const target = await startTarget(name);
    try {
      figures.push(await idleMemory(target, count));
    } finally {
      await target.close();
    }
  }
  const [verbund, bare] = figures;
  const share = ratio(verbund?.rssPerClientKb ?? NaN, bare?.rssPerClientKb ?? NaN);
  const rows = figures.map((f) => [f.target, f.clients, Math.round(f.connectMs), f.rssIdleMb, f.rssLoadedMb, round(f.rssPerClientKb), round(f.heapPerClientKb)]);
  rows.push(['ratio', '', '', '', '', share, ratio(verbund?.heapPerClientKb ?? NaN, bare?.heapPerClientKb ?? NaN)]);
  print(`memory per idle signed-in client (${count} clients)`, ['target', 'clients', 'connect ms', 'rss idle MB', 'rss loaded MB', 'rss KB/client', 'heap KB/client'], rows);
  writeResult('memory', { verbund, bare, ratio: share });
}

async function big(): Promise<void> {
  const size = quick ? { cards: 1_000, events: 20_000 } : { cards: 5_000, events: 200_000 };
  const figures = await bigWorkspace(size);
  const rows = figures.map((f) => [f.variant, f.cards, f.events, Math.round(f.seedMs), Math.round(f.readyMs), round(f.coldLoadMs), round(f.warmLoadMs), round(f.warmLoadMaxMs), Math.round(f.stateBytes / 1024), f.rssMb]);
  print('big workspace (ms)', ['variant', 'cards', 'events', 'seed', 'ready', 'cold load', 'warm load', 'warm max', 'state KB', 'rss MB'], rows);
  writeResult('big-workspace', figures);
}

async function reconnect(): Promise<void> {
  const options = quick ? { clients: 50, editors: 5, rate: 50, dropMs: 1_000 } : { clients: 200, editors: 10, rate: 50, dropMs: 2_000 };
  const f = await reconnectStorm(options);
  print('reconnect storm', ['clients', 'edits/s', 'away ms', 'missed events', 'caught up ms', 'converged', 'digests', 'gaps', 'dups'], [
    [f.clients, f.editRate, f.droppedForMs, f.missedEvents, Math.round(f.caughtUpMs), String(f.converged), f.distinctDigests, f.gaps, f.duplicates],
  ]);
  writeResult('reconnect-storm', f);
}

async function exportLoad(): Promise<void> {
  const f = await exportUnderLoad(quick ? { cards: 1_000, events: 20_000 } : { cards: 5_000, events: 200_000 });
  const row = (label: string, h: typeof f.healthIdle) => [label, h.count, round(h.p50), round(h.p99), round(h.max)];
  print(`/api/health while one person exports ${f.events} own events (${round(f.exportMb)} MB in ${Math.round(f.exportMs)} ms)`, ['health probes', 'count', 'p50 ms', 'p99 ms', 'max ms'], [
    row('idle', f.healthIdle),
    row('during export', f.healthDuringExport),
  ]);
  writeResult('export-under-load', f);
}

async function documents(): Promise<void> {
  const f = await documentsAgainstHocuspocus({ quick, timing });
  const typingRow = (t: (typeof f.typing)[number]) => [
    t.target, t.keystrokes, round(t.shown.p50), round(t.shown.p99), round(t.ack.p50), round(t.ack.p99), t.lost, Object.values(t.refused).reduce((a, b) => a + b, 0), round(t.serverCpu, 2), round(t.serverRssMb), String(t.converged),
    Math.round(t.storedBytesPer1000), Math.round(t.diskBytesPer1000), t.writtenBytesPer1000 === null ? '' : Math.round(t.writtenBytesPer1000), round(t.loadGenCpu, 2),
  ];
  print(`documents: ${f.load.typists} typing ${f.load.charsPerSecond} chars/s each into one paragraph, ${f.load.viewers} viewing (ms)`, [
    'target', 'keys', 'shown p50', 'shown p99', 'ack p50', 'ack p99', 'lost', 'refused', 'cpu', 'rss MB', 'converged', 'stored B/1000 keys', 'disk B/1000 keys', 'written B/1000 keys', 'lg cpu',
  ], f.typing.map(typingRow));
  print(`documents: memory with ${f.memory[0]?.documents ?? 0} documents open (KB per document)`, ['target', 'rss', 'heap'], f.memory.map((m) => [m.target, round(m.rssPerDocKb), round(m.heapPerDocKb)]));
  print(`documents: time to open a document with ${f.history.updates} stored updates (ms, cold)`, ['target', 'before compaction', 'after compaction'], f.history.rows.map((r) => [r.target, r.beforeMs === null ? 'n/a' : round(r.beforeMs), round(r.afterMs)]));
  writeResult('documents', f, { size: quick ? 'quick' : 'full' });
}

function print(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n${title}\n${table(header, rows)}`);
}

/** Issue 11: a hand raised reaches every participant of a 100-person session while 10 edit the board; timer skew. */
async function session(): Promise<void> {
  const f = await sessionUnderLoad({ participants: 100, editors: EDITORS, editRate: 50, raiseEveryMs: quick ? 20 : 50 });
  const q = f.queueDelivery;
  print('session: hand raised -> queue at every participant (ms); timer skew across clients', ['participants/editors', 'raises', 'p50', 'p95', 'p99', 'max', 'lost', 'offset spread ms', 'shown s skew'], [
    [`${f.participants}/${f.editors} @${f.editRate}/s`, f.raises, round(q.p50), round(q.p95), round(q.p99), round(q.max), f.lost, round(f.offsetSpreadMs), f.shownSecondsSkew],
  ]);
  writeResult('session', f, { quick, editors: EDITORS });
}

const RUNNERS: Record<Scenario, () => Promise<void>> = { fanout, capacity, memory, 'big-workspace': big, 'reconnect-storm': reconnect, 'export-under-load': exportLoad, documents, session };

console.log(`Building the server (tsc -b server) ...`);
execFileSync(process.execPath, [`${REPO_ROOT}node_modules/typescript/bin/tsc`, '-b', 'server'], { cwd: REPO_ROOT, stdio: 'inherit' });
console.log(JSON.stringify(describeMachine()));
const started = performance.now();
for (const scenario of chosen) {
  const t = performance.now();
  await RUNNERS[scenario]();
  console.log(`(${scenario} took ${Math.round((performance.now() - t) / 1000)} s)`);
}
console.log(`\nAll done in ${Math.round((performance.now() - started) / 1000)} s.`);
