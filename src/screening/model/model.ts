// The screener's trained text model: the committed file `screener-model.json` (written by
// `npm run train:screener`), its format, and the loader that scores ads with it.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractFeatures, type FeatureOptions } from './features.ts';
import { type LogisticModel, sigmoid } from './logistic.ts';
import { prepareForModel } from './prepare.ts';

export const MODEL_PATH = resolve(import.meta.dirname, 'screener-model.json');
const FORMAT = 'cordon-screener-model/1';

/** Precision, recall and F1 of the fraudulent class, and accuracy, over cross-validation folds. */
export interface ScreenerEvaluation {
  folds: number;
  seed: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** What the model file holds. Weights are int16 (`weight = q · weightScale`), little-endian, base64. */
export interface ScreenerModelFile {
  format: typeof FORMAT;
  trainedOn: { file: string; rows: number; fraudulent: number; trainedAt: string };
  hyperparameters: { features: FeatureOptions; lambda: number; maxIterations: number; openingWords: number };
  crossValidation: ScreenerEvaluation;
  /** Platt scaling fitted on out-of-fold logits: p = σ(a·logit + b). */
  calibration: { a: number; b: number };
  bias: number;
  weightScale: number;
  weights: string;
}

export interface ScreenerModel {
  readonly file: Omit<ScreenerModelFile, 'weights'>;
  /** Log-odds from the weights alone, before calibration; `prepared` says the text is already prepared. */
  logit(text: string, prepared?: boolean): number;
  /** Calibrated probability that the ad is fraudulent (0.5 means even odds). */
  probability(text: string, prepared?: boolean): number;
}

/** Packs trained weights into the file format (int16 quantisation: 2 bytes a bucket, ~340 KB at 2^17 buckets). */
export function encodeWeights(weights: Float64Array): { weightScale: number; weights: string } {
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const weightScale = largest > 0 ? largest / 32767 : 1;
  const quantised = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) quantised[i] = Math.round(weights[i]! / weightScale);
  return { weightScale, weights: Buffer.from(quantised.buffer).toString('base64') };
}

function decodeWeights(file: ScreenerModelFile): Float32Array {
  const bytes = Buffer.from(file.weights, 'base64');
  const expected = 2 << file.hyperparameters.features.bucketBits;
  if (bytes.length !== expected) {
    throw new Error(
      `The screener model file holds ${bytes.length} weight bytes, not ${expected}; run \`npm run train:screener\` again.`,
    );
  }
  const weights = new Float32Array(bytes.length / 2);
  for (let i = 0; i < weights.length; i++) weights[i] = bytes.readInt16LE(i * 2) * file.weightScale;
  return weights;
}

/** A scorer over a model file's contents; `loadScreenerModel` is the usual way in. */
export function screenerModelFrom(file: ScreenerModelFile): ScreenerModel {
  if (file.format !== FORMAT) {
    throw new Error(`The screener model file is "${file.format}", not "${FORMAT}"; retrain it.`);
  }
  const weights = decodeWeights(file);
  const { weights: _packed, ...described } = file;
  const { a, b } = file.calibration;
  const logit = (text: string, prepared = false): number => {
    const row = extractFeatures(prepared ? text : prepareForModel(text), file.hyperparameters.features);
    let z = file.bias;
    for (let k = 0; k < row.indices.length; k++) z += weights[row.indices[k]!]! * row.values[k]!;
    return z;
  };
  return {
    file: described,
    logit,
    probability: (text, prepared = false) => sigmoid(a * logit(text, prepared) + b),
  };
}

/** A trained model as the file format, ready to write. */
export function screenerModelFile(
  model: LogisticModel,
  described: Omit<ScreenerModelFile, 'format' | 'bias' | 'weightScale' | 'weights'>,
): ScreenerModelFile {
  return { format: FORMAT, ...described, bias: model.bias, ...encodeWeights(model.weights) };
}

let cached: ScreenerModel | undefined;

/**
 * The committed screener model, read once and kept.
 *
 * @example
 * const model = loadScreenerModel();
 * model.probability('Earn $900 a week typing from home! Message us on WhatsApp.'); // → e.g. 0.93
 */
export function loadScreenerModel(): ScreenerModel {
  if (!cached) {
    const file = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ScreenerModelFile;
    cached = screenerModelFrom(file);
  }
  return cached;
}
