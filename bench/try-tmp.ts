import { runChild, startServer } from './children.js';
const server = await startServer(0);
const r = await runChild<any>('memory.ts', { url: server.url, cases: Number(process.argv[2]), samples: 5, concurrency: 32, write: process.argv[3] !== 'nowrite' });
console.log(r);
await server.stop();
