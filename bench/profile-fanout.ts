/** `tsx bench/profile-fanout.ts C R [dir]`: one fan-out run against a server started with --cpu-prof. */
import { Board } from './lib/fanout.js';
import { startVerbund } from './lib/targets.js';

const [clients = 100, rate = 100] = process.argv.slice(2, 4).map(Number);
const dir = process.argv[4] ?? '/tmp/verbund-prof';
const target = await startVerbund({ accounts: 50 }, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const board = await Board.open(target, clients);
const figures = await board.run({ editors: 10, rate, warmupMs: 2_000, measureMs: 8_000 });
console.log(JSON.stringify({ p50: figures.delivery.p50, p99: figures.delivery.p99, ackP99: figures.ack.p99, cpu: figures.serverCpu }));
board.close();
await target.close();
console.log(`profile written to ${dir}`);
