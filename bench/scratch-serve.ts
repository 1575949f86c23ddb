import { startMockServer } from '../src/mock/server.js';
const s = await startMockServer({ latencyMs: 0 }); console.log(s.url);
