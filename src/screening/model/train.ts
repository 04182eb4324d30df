// Training and cross-validation of the screener model on labelled ads (EMSCAD's
// `train_balanced.csv`): stratified folds with a fixed seed, Platt scaling on out-of-fold logits.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  DEFAULT_FEATURE_OPTIONS,
  extractFeatures,
  type FeatureOptions,
  type SparseVector,
} from './features.ts';
import { logisticLogit, trainLogistic } from './logistic.ts';
import { type ScreenerEvaluation, type ScreenerModelFile, screenerModelFile } from './model.ts';
import { prepareForModel } from './prepare.ts';

export interface LabelledAd {
  text: string;
  fraudulent: boolean;
}

export interface TrainOptions {
  features: FeatureOptions;
  lambda: number;
  maxIterations: number;
  /**
   * When above 0, each training ad also teaches with its opening this many words alone, so that a
   * short ad (a pasted title and a line) is not judged by its shortness.
   */
  openingWords: number;
}

// λ from 5-fold CV (F1 0.912 at 3e-4, 0.921 at 1e-4, 0.931 at 1e-5, 0.932 at 3e-6); L-BFGS
// converges well inside 300 iterations (600 changes nothing).
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  lambda: 1e-5,
  maxIterations: 300,
  // Without openings the short fraudulent postings teach "short means fraud": an empty ad scored
  // 0.98 and "Nurse, full-time, London hospital" 0.99. Openings of 12 words cost 0.007 CV F1.
  openingWords: 12,
};

export interface FoldEvaluation {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export interface CrossValidation extends ScreenerEvaluation {
  perFold: FoldEvaluation[];
  /** Each row's logit from the model that did not see it. */
  outOfFoldLogits: Float64Array;
}

/**
 * Reads a `text,fraudulent` CSV such as `train_balanced.csv`.
 *
 * @example
 * const rows = readLabelledAds('../shared/data/emscad/train_balanced.csv');
 */
export function readLabelledAds(path: string): LabelledAd[] {
  const records = parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return records.map((record, i) => {
    if (record.text === undefined || (record.fraudulent !== '0' && record.fraudulent !== '1')) {
      throw new Error(`Row ${i + 2} of ${path} needs a text and a fraudulent of 0 or 1.`);
    }
    return { text: record.text, fraudulent: record.fraudulent === '1' };
  });
}

/** Seeded PRNG (mulberry32), so folds are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fold of each row, each class spread evenly over the folds. */
export function stratifiedFolds(labels: readonly boolean[], folds: number, seed: number): Int32Array {
  const next = random(seed);
  const fold = new Int32Array(labels.length);
  for (const cls of [true, false]) {
    const members = labels.flatMap((label, i) => (label === cls ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((row, k) => {
      fold[row] = k % folds;
    });
  }
  return fold;
}

function evaluation(truth: readonly boolean[], predicted: readonly boolean[]): FoldEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  truth.forEach((t, i) => {
    if (predicted[i]) t ? tp++ : fp++;
    else t ? fn++ : tn++;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: (tp + tn) / truth.length };
}

function featurise(rows: readonly LabelledAd[], features: FeatureOptions): SparseVector[] {
  return rows.map((row) => extractFeatures(prepareForModel(row.text), features));
}

/** Each ad's vector, and the vector of its opening words when `openingWords` asks for them. */
function featuriseWithOpenings(rows: readonly LabelledAd[], options: TrainOptions) {
  const vectors = featurise(rows, options.features);
  const openings =
    options.openingWords > 0
      ? rows.map((row) =>
          extractFeatures(
            prepareForModel(row.text).split(' ').slice(0, options.openingWords).join(' '),
            options.features,
          ),
        )
      : [];
  return { vectors, openings };
}

/** Fits the rows `members` (and their openings, if any). */
function fitRows(
  members: readonly number[],
  labels: readonly boolean[],
  data: { vectors: SparseVector[]; openings: SparseVector[] },
  options: TrainOptions,
) {
  const rows = members.map((i) => data.vectors[i]!);
  const targets = members.map((i) => (labels[i] ? 1 : 0));
  if (data.openings.length > 0) {
    rows.push(...members.map((i) => data.openings[i]!));
    targets.push(...members.map((i) => (labels[i] ? 1 : 0)));
  }
  return trainLogistic(rows, targets, 1 << options.features.bucketBits, options);
}

/**
 * Stratified k-fold cross-validation; a row is called fraudulent when its logit is above 0.
 *
 * @example
 * const { precision, recall, f1 } = crossValidate(rows, 5, 20_260_101);
 */
export function crossValidate(
  rows: readonly LabelledAd[],
  folds = 5,
  seed = 1,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): CrossValidation {
  const data = featuriseWithOpenings(rows, options);
  const vectors = data.vectors;
  const labels = rows.map((row) => row.fraudulent);
  const foldOf = stratifiedFolds(labels, folds, seed);
  const outOfFoldLogits = new Float64Array(rows.length);
  const perFold: FoldEvaluation[] = [];
  for (let f = 0; f < folds; f++) {
    const train = rows.flatMap((_, i) => (foldOf[i] !== f ? [i] : []));
    const test = rows.flatMap((_, i) => (foldOf[i] === f ? [i] : []));
    const model = fitRows(train, labels, data, options);
    for (const i of test) outOfFoldLogits[i] = logisticLogit(model, vectors[i]!);
    perFold.push(
      evaluation(
        test.map((i) => labels[i]!),
        test.map((i) => outOfFoldLogits[i]! > 0),
      ),
    );
  }
  const overall = evaluation(
    labels,
    Array.from(outOfFoldLogits, (z) => z > 0),
  );
  return { folds, seed, ...overall, perFold, outOfFoldLogits };
}

/** Platt scaling: a, b minimising the log-loss of σ(a·z + b) against Platt's smoothed targets. */
export function fitPlatt(logits: ArrayLike<number>, labels: readonly boolean[]): { a: number; b: number } {
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < labels.length; i++) {
      const z = logits[i]!;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const r = p - (labels[i] ? high : low);
      const w = p * (1 - p);
      ga += r * z;
      gb += r;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/**
 * Cross-validates, then trains on every row: the model file, with its CV figures and calibration.
 *
 * @example
 * const file = trainScreener(readLabelledAds(path), { source: 'train_balanced.csv' });
 */
export function trainScreener(
  rows: readonly LabelledAd[],
  options: { source: string; train?: TrainOptions; folds?: number; seed?: number; trainedAt?: Date },
): { file: ScreenerModelFile; crossValidation: CrossValidation } {
  const train = options.train ?? DEFAULT_TRAIN_OPTIONS;
  if (rows.length < 10) throw new Error('trainScreener needs at least 10 labelled ads.');
  const cv = crossValidate(rows, options.folds ?? 5, options.seed ?? 1, train);
  const labels = rows.map((row) => row.fraudulent);
  const calibration = fitPlatt(cv.outOfFoldLogits, labels);
  const model = fitRows(
    rows.map((_, i) => i),
    labels,
    featuriseWithOpenings(rows, train),
    train,
  );
  const { perFold: _perFold, outOfFoldLogits: _logits, ...figures } = cv;
  const file = screenerModelFile(model, {
    trainedOn: {
      file: basename(options.source),
      rows: rows.length,
      fraudulent: labels.filter(Boolean).length,
      trainedAt: (options.trainedAt ?? new Date()).toISOString().slice(0, 10),
    },
    hyperparameters: {
      features: train.features,
      lambda: train.lambda,
      maxIterations: train.maxIterations,
      openingWords: train.openingWords,
    },
    crossValidation: figures,
    calibration,
  });
  return { file, crossValidation: cv };
}
