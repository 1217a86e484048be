import { spawn } from 'node:child_process';

/**
 * `npm run dev`: the API with reload on 127.0.0.1:3001 (tsx watch) and Vite's dev server with
 * hot reload on http://localhost:5173, which proxies /api and /socket.io to the API.
 */
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { NODE_ENV: 'development', PORT: '3001', HOST: '127.0.0.1', PUBLIC_URL: 'http://localhost:5173', ...process.env },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    if (code && code !== 0) process.exitCode = code;
    stop();
  });
