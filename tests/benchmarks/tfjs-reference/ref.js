// Runs the TF.js graph with TF.js's own CPU kernels on a raw NHWC float input; writes keypoints and wh.
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfc = require('@tensorflow/tfjs-converter');
const fs = require('fs');
const path = require('path');
(async () => {
  await tf.setBackend('cpu');
  const dir = path.dirname(process.argv[2]);
  const json = JSON.parse(fs.readFileSync(process.argv[2]));
  const bins = json.weightsManifest.flatMap(g => g.paths.map(p => fs.readFileSync(path.join(dir, p))));
  const buf = Buffer.concat(bins);
  const handler = { load: async () => ({
      modelTopology: json.modelTopology, format: json.format, signature: json.signature,
      weightSpecs: json.weightsManifest.flatMap(g => g.weights),
      weightData: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) }) };
  const model = await tfc.loadGraphModel(handler);
  const raw = fs.readFileSync(process.argv[3] + '.in');
  const input = tf.tensor(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), [1, 512, 512, 3]);
  const t0 = Date.now();
  const [heat, wh] = await model.executeAsync({'tower_0/images': input}, ['tower_0/keypoints', 'tower_0/wh']);
  console.log('tfjs ms', Date.now() - t0);
  fs.writeFileSync(process.argv[3] + '.tfjs.heat', Buffer.from((await heat.data()).buffer));
  fs.writeFileSync(process.argv[3] + '.tfjs.wh', Buffer.from((await wh.data()).buffer));
})();
