// Starts telegram-test-api (the Bot API emulator of package.json) on
// 127.0.0.1 and a free port, prints "listening PORT" on standard output and
// runs until standard input closes. Used by emulator_test.go.
'use strict';

const TelegramServer = require('telegram-test-api');

// Messages are kept 10 minutes (the default, 60 s, could drop a question
// that waits out a slow start-up).
const server = new TelegramServer({ host: '127.0.0.1', storeTimeout: 600 });
// normalizeConfig turns port 0 into its default 9000: ask for a free port
// after the fact, so that parallel runs cannot collide.
server.config.port = 0;

server.start().then(() => {
  process.stdout.write(`listening ${server.server.address().port}\n`);
}, (err) => {
  process.stderr.write(`telegram-test-api: ${err.stack || err}\n`);
  process.exit(1);
});

const stop = () => { server.stop().finally(() => process.exit(0)); };
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
