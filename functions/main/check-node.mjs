// Plain JavaScript on purpose: it must run (and explain itself) on whatever Node npm found,
// including an older system Node that cannot load TypeScript.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `Overdue runs on Node 24 (found ${process.version} at ${process.execPath}).\n` +
      '`npm install` brings Node 24 into node_modules/.bin on Linux (x64, arm64) and Windows x64;\n' +
      'on other platforms install Node 24 yourself (nodejs.org or a version manager) and retry.',
  );
  process.exit(1);
}
