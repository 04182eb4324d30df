// L2-regularised logistic regression on sparse rows, fitted by full-batch L-BFGS: deterministic
// (no sampling), and quick at the screener's scale (a few thousand ads, 2^18 hashed features).

import type { SparseVector } from './features.ts';

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias), added to the mean log-loss as λ/2·‖w‖². */
  lambda: number;
  /** L-BFGS iterations at most. */
  maxIterations: number;
  /** Stop when the gradient's norm falls below this. */
  tolerance?: number;
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

const HISTORY = 10;

/** The log-odds the model gives a row. */
export function logisticLogit(model: LogisticModel, row: SparseVector): number {
  let z = model.bias;
  for (let k = 0; k < row.indices.length; k++) z += model.weights[row.indices[k]!]! * row.values[k]!;
  return z;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Objective and gradient at `x` (weights then bias in the last slot): mean log-loss + λ/2·‖w‖².
 */
function evaluate(
  x: Float64Array,
  rows: readonly SparseVector[],
  labels: readonly number[],
  lambda: number,
  gradient: Float64Array,
): number {
  const dims = x.length - 1;
  const bias = x[dims]!;
  gradient.fill(0);
  let loss = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let z = bias;
    for (let k = 0; k < row.indices.length; k++) z += x[row.indices[k]!]! * row.values[k]!;
    const y = labels[r]!;
    loss += softplus(z) - y * z;
    const residual = sigmoid(z) - y;
    for (let k = 0; k < row.indices.length; k++) gradient[row.indices[k]!]! += residual * row.values[k]!;
    gradient[dims]! += residual;
  }
  const n = rows.length;
  let penalty = 0;
  for (let i = 0; i < dims; i++) {
    gradient[i] = gradient[i]! / n + lambda * x[i]!;
    penalty += x[i]! * x[i]!;
  }
  gradient[dims] = gradient[dims]! / n;
  return loss / n + (lambda / 2) * penalty;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** L-BFGS two-loop recursion: the search direction −H·g. */
function direction(g: Float64Array, s: Float64Array[], y: Float64Array[], rho: number[]): Float64Array {
  const q = Float64Array.from(g);
  const alpha: number[] = [];
  for (let i = s.length - 1; i >= 0; i--) {
    alpha[i] = rho[i]! * dot(s[i]!, q);
    const yi = y[i]!;
    for (let j = 0; j < q.length; j++) q[j]! -= alpha[i]! * yi[j]!;
  }
  if (s.length > 0) {
    const last = s.length - 1;
    const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
    for (let j = 0; j < q.length; j++) q[j]! *= gamma;
  }
  for (let i = 0; i < s.length; i++) {
    const beta = rho[i]! * dot(y[i]!, q);
    const si = s[i]!;
    for (let j = 0; j < q.length; j++) q[j]! += si[j]! * (alpha[i]! - beta);
  }
  for (let j = 0; j < q.length; j++) q[j] = -q[j]!;
  return q;
}

/**
 * Fits weights over `dimensions` features to rows labelled 1 (fraudulent) or 0.
 *
 * @example
 * const model = trainLogistic(rows, labels, 1 << 18, { lambda: 1e-4, maxIterations: 200 });
 */
export function trainLogistic(
  rows: readonly SparseVector[],
  labels: readonly number[],
  dimensions: number,
  options: LogisticOptions,
): LogisticModel {
  if (rows.length !== labels.length) throw new Error('trainLogistic needs one label per row.');
  const tolerance = options.tolerance ?? 1e-6;
  let x = new Float64Array(dimensions + 1);
  let g = new Float64Array(dimensions + 1);
  let f = evaluate(x, rows, labels, options.lambda, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if (Math.sqrt(dot(g, g)) < tolerance) break;
    let d = direction(g, s, y, rho);
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction: forget the curvature and go down the gradient.
      s.length = y.length = rho.length = 0;
      d = Float64Array.from(g, (v) => -v);
      slope = dot(g, d);
    }
    let step = iteration === 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
    const xNext = new Float64Array(x.length);
    const gNext = new Float64Array(x.length);
    let fNext = Number.POSITIVE_INFINITY;
    // Backtracking line search on the Armijo condition.
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < x.length; j++) xNext[j] = x[j]! + step * d[j]!;
      fNext = evaluate(xNext, rows, labels, options.lambda, gNext);
      if (fNext <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNext < f)) break;
    const sk = new Float64Array(x.length);
    const yk = new Float64Array(x.length);
    for (let j = 0; j < x.length; j++) {
      sk[j] = xNext[j]! - x[j]!;
      yk[j] = gNext[j]! - g[j]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > HISTORY) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const converged = (f - fNext) / Math.max(Math.abs(f), 1) < 1e-10;
    x = xNext;
    g = gNext;
    f = fNext;
    if (converged) break;
  }
  return { weights: x.subarray(0, dimensions), bias: x[dimensions]! };
}
