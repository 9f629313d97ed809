// Reference runs of the two face models with TF.js's own CPU kernels (issue 12).
//   node faces.js blazeface MODEL_DIR IN OUT   IN: raw float32 [1,256,256,3] (-1..1); writes OUT.logits (896)
//                                              and OUT.boxes (896x16), 16x16 head first as Shoebox concatenates
//   node faces.js descriptor MODEL_DIR IN OUT  IN: raw float32 [N,150,150,3] RGB 0..255; writes OUT.desc (Nx128)
// The descriptor is face-api 1.7.15's FaceRecognitionNet.forwardInput written out op for op with
// tfjs-core (face-api ships that network as TypeScript only; src/faceRecognitionNet/*.ts).
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfc = require('@tensorflow/tfjs-converter');
const fs = require('fs');
const path = require('path');

function readFloats(file) {
  const raw = fs.readFileSync(file);
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

async function blazeface(dir, input, out) {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'blazeface.json')));
  const bins = json.weightsManifest.flatMap(g => g.paths.map(p => fs.readFileSync(path.join(dir, p))));
  const buf = Buffer.concat(bins);
  const handler = { load: async () => ({
      modelTopology: json.modelTopology, format: json.format, signature: json.signature,
      weightSpecs: json.weightsManifest.flatMap(g => g.weights),
      weightData: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) }) };
  const model = await tfc.loadGraphModel(handler);
  const x = tf.tensor(readFloats(input), [1, 256, 256, 3]);
  const [l16, b16, l8, b8] = await model.executeAsync({ input: x }, ['Identity', 'Identity_2', 'Identity_1', 'Identity_3']);
  const logits = tf.concat([l16, l8], 1);
  const boxes = tf.concat([b16, b8], 1);
  fs.writeFileSync(out + '.logits', Buffer.from((await logits.data()).buffer));
  fs.writeFileSync(out + '.boxes', Buffer.from((await boxes.data()).buffer));
}

async function descriptor(dir, input, out) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'face_recognition_model-weights_manifest.json')));
  const buf = fs.readFileSync(path.join(dir, manifest[0].paths[0]));
  const w = tf.io.decodeWeights(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), manifest[0].weights);
  // scaleLayer.ts, convLayer.ts, residualLayer.ts
  const scale = (x, p) => tf.add(tf.mul(x, w[p + '/scale/weights']), w[p + '/scale/biases']);
  const convLayer = (x, p, strides, relu, padding = 'same') => {
    let o = tf.conv2d(x, w[p + '/conv/filters'], strides, padding);
    o = scale(tf.add(o, w[p + '/conv/bias']), p);
    return relu ? tf.relu(o) : o;
  };
  const residual = (x, p) => {
    let o = convLayer(x, p + '/conv1', [1, 1], true);
    o = convLayer(o, p + '/conv2', [1, 1], false);
    return tf.relu(tf.add(o, x));
  };
  const residualDown = (x, p) => {
    let o = convLayer(x, p + '/conv1', [2, 2], true, 'valid');
    o = convLayer(o, p + '/conv2', [1, 1], false);
    let pooled = tf.avgPool(x, 2, 2, 'valid');
    const zeros = tf.zeros(pooled.shape);
    const isPad = pooled.shape[3] !== o.shape[3];
    if (pooled.shape[1] !== o.shape[1] || pooled.shape[2] !== o.shape[2]) {
      const sx = [...o.shape]; sx[1] = 1; o = tf.concat([o, tf.zeros(sx)], 1);
      const sy = [...o.shape]; sy[2] = 1; o = tf.concat([o, tf.zeros(sy)], 2);
    }
    pooled = isPad ? tf.concat([pooled, zeros], 3) : pooled;
    return tf.relu(tf.add(pooled, o));
  };
  const data = readFloats(input);
  const n = data.length / (150 * 150 * 3);
  const x = tf.tensor(data, [n, 150, 150, 3]);
  // FaceRecognitionNet.forwardInput
  const mean = tf.tensor([122.782, 117.001, 104.298], [1, 1, 1, 3]);
  let o = tf.div(tf.sub(x, mean), 255);
  o = convLayer(o, 'conv32_down', [2, 2], true, 'valid');
  o = tf.maxPool(o, 3, 2, 'valid');
  for (const p of ['conv32_1', 'conv32_2', 'conv32_3']) o = residual(o, p);
  o = residualDown(o, 'conv64_down');
  for (const p of ['conv64_1', 'conv64_2', 'conv64_3']) o = residual(o, p);
  o = residualDown(o, 'conv128_down');
  for (const p of ['conv128_1', 'conv128_2']) o = residual(o, p);
  o = residualDown(o, 'conv256_down');
  for (const p of ['conv256_1', 'conv256_2']) o = residual(o, p);
  o = residualDown(o, 'conv256_down_out');
  const d = tf.matMul(tf.mean(o, [1, 2]), w.fc);
  fs.writeFileSync(out + '.desc', Buffer.from((await d.data()).buffer));
}

(async () => {
  await tf.setBackend('cpu');
  const [what, dir, input, out] = process.argv.slice(2);
  if (what === 'blazeface') await blazeface(dir, input, out);
  else await descriptor(dir, input, out);
})();
