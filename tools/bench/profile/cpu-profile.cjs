// Runs the script in $PROFILE_MAIN under V8's sampling profiler; on SIGUSR2 writes the profile
// (Chrome DevTools' .cpuprofile format) to $PROFILE_OUT. Used by `npm run bench:load -- --profile`.
const inspector = require('node:inspector');
const fs = require('node:fs');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable', () =>
  session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
);
process.on('SIGUSR2', () =>
  session.post('Profiler.stop', (err, res) => {
    if (!err) fs.writeFileSync(process.env.PROFILE_OUT, JSON.stringify(res.profile));
    process.send?.({ profiled: !err });
  }),
);
require(process.env.PROFILE_MAIN);
