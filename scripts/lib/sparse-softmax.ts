// L2-regularised multinomial logistic regression (softmax) on sparse rows, fitted by L-BFGS, for
// the topic classifier (scripts/train-topics.ts). Each row's target is a distribution over the
// classes (an article whose topic maps to two categories is half in each); the probabilities sum
// to one, so a category's score is measured against every other reading of the story, and a
// family's score (a parent and its children) is the plain sum of theirs.
// L-BFGS rather than logistic.ts's Newton method: that builds a dense Hessian, fine for the
// verifier's ~190 inputs, hopeless for thousands of terms times thirty classes.

/** Rows in compressed sparse row form: row r's inputs are indices[start[r]..start[r+1]). */
export interface SparseRows {
  n: number;
  k: number;
  start: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export interface SoftmaxFit {
  /** One bias per class. */
  biases: Float64Array;
  /** Input-major (an input's weights side by side, as a row reads them): weights[i * classes + c]. */
  weights: Float64Array;
}

export interface SoftmaxOptions {
  classes: number;
  lambda: number;
  /** Per-row loss weight (default 1). */
  rowWeights?: Float32Array;
  /** Mask in the weights' layout: only these weights may be non-zero (default: all). */
  allowed?: Uint8Array;
  init?: SoftmaxFit;
  maxSteps?: number;
  log?: (line: string) => void;
}

/** targets[r * classes + c]: row r's share in class c (each row sums to one). */
export function fitSoftmax(rows: SparseRows, targets: Float32Array, opts: SoftmaxOptions): SoftmaxFit {
  const { n, k, start, indices, values } = rows;
  const K = opts.classes;
  const dim = K * k + K; // weights, then the biases
  const z = new Float64Array(K);
  const evaluate = (w: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let i = 0; i < K * k; i++) {
      const wi = w[i]!;
      if (wi === 0) continue;
      loss += 0.5 * opts.lambda * wi * wi;
      g[i] = opts.lambda * wi;
    }
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < K; c++) z[c] = w[K * k + c]!;
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const base = indices[j]! * K;
        const v = values[j]!;
        for (let c = 0; c < K; c++) z[c]! += w[base + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < K; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += Math.exp(z[c]! - max);
      const logSum = max + Math.log(sum);
      const rw = opts.rowWeights ? opts.rowWeights[r]! : 1;
      for (let c = 0; c < K; c++) {
        const y = targets[r * K + c]!;
        if (y > 0) loss -= rw * y * (z[c]! - logSum);
        // z now holds the gradient of the row's loss by each class's score.
        z[c] = rw * (Math.exp(z[c]! - logSum) - y);
        g[K * k + c]! += z[c]!;
      }
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const base = indices[j]! * K;
        const v = values[j]!;
        for (let c = 0; c < K; c++) g[base + c]! += z[c]! * v;
      }
    }
    if (opts.allowed) for (let i = 0; i < K * k; i++) if (!opts.allowed[i]) g[i] = 0;
    return loss;
  };

  let w: Float64Array = new Float64Array(dim);
  if (opts.init) {
    w.set(opts.init.weights);
    w.set(opts.init.biases, K * k);
  }
  if (opts.allowed) for (let i = 0; i < K * k; i++) if (!opts.allowed[i]) w[i] = 0;
  w = lbfgs(evaluate, w, opts.maxSteps ?? 400, opts.log);
  return { biases: w.slice(K * k), weights: w.slice(0, K * k) };
}

/** Minimises f by L-BFGS (memory 8) with a backtracking line search; returns the last point. */
export function lbfgs(f: (w: Float64Array, g: Float64Array) => number, w0: Float64Array, maxSteps: number, log?: (line: string) => void): Float64Array {
  const dim = w0.length;
  let w: Float64Array = w0;
  let g = new Float64Array(dim);
  let loss = f(w, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  for (let step = 0; step < maxSteps; step++) {
    const d = Float64Array.from(g, (v) => -v);
    const alphas: number[] = [];
    for (let m = ss.length - 1; m >= 0; m--) {
      alphas[m] = rhos[m]! * dot(ss[m]!, d);
      axpy(-alphas[m]!, ys[m]!, d);
    }
    const last = ss.length - 1;
    scale(d, last >= 0 ? dot(ss[last]!, ys[last]!) / dot(ys[last]!, ys[last]!) : 1 / Math.max(1, Math.sqrt(dot(g, g))));
    for (let m = 0; m < ss.length; m++) axpy(alphas[m]! - rhos[m]! * dot(ys[m]!, d), ss[m]!, d);
    let slope = dot(d, g);
    if (slope >= 0) {
      // Stale curvature pairs: restart from steepest descent.
      ss.length = ys.length = rhos.length = 0;
      d.set(g.map((v) => -v / Math.max(1, Math.sqrt(dot(g, g)))));
      slope = dot(d, g);
    }
    const next = new Float64Array(dim);
    const nextG = new Float64Array(dim);
    let nextLoss = Infinity;
    for (let t = 1; t > 1e-10; t /= 2) {
      for (let i = 0; i < dim; i++) next[i] = w[i]! + t * d[i]!;
      nextLoss = f(next, nextG);
      if (nextLoss <= loss + 1e-4 * t * slope) break;
    }
    if (!(nextLoss < loss)) break;
    const s = Float64Array.from(next, (v, i) => v - w[i]!);
    const y = Float64Array.from(nextG, (v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12) {
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
      if (ss.length > 8) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
    }
    const gain = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    w = next;
    g = nextG;
    loss = nextLoss;
    if (step % 25 === 0) log?.(`step ${step}: loss ${loss.toFixed(2)}`);
    if (gain < 1e-7) break;
  }
  return w;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i]! += a * x[i]!;
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i]! *= a;
}
