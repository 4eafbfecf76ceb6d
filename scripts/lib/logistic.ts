// L2-regularised logistic regression for the verifier (scripts/calibrate.ts): Newton's method with
// the exact gradient over every row, the Hessian estimated on a fixed stride of the rows, and a
// backtracking line search on the exact loss. The gradient decides where the fit ends, so the
// result is the optimum; the Hessian only sets the direction, and a subsample estimates it at a
// fraction of the cost (the full Hessian of ~700k pairs × ~190 inputs takes minutes per step in
// plain JS). Without the line search an estimated Hessian can overshoot and diverge.

export interface LogisticData {
  /** Number of rows and the inputs of row r written into `out` (length `k`). */
  n: number;
  k: number;
  row: (r: number, out: Float64Array) => void;
  label: (r: number) => number;
}

export interface LogisticOptions {
  /** L2 penalty on every weight but the first (the bias). */
  lambda?: number;
  /** Every `hessianStride`-th row estimates the Hessian (default 4). */
  hessianStride?: number;
  maxSteps?: number;
  log?: (line: string) => void;
}

export function fitLogistic(data: LogisticData, opts: LogisticOptions = {}): number[] {
  const { n, k } = data;
  const lambda = opts.lambda ?? 1;
  const stride = Math.max(1, opts.hessianStride ?? 4);
  const x = new Float64Array(k);
  // Penalised negative log-likelihood at w, and (when asked) its gradient and Hessian estimate.
  const evaluate = (w: Float64Array, g?: Float64Array, h?: Float64Array): number => {
    let loss = 0;
    for (let i = 1; i < k; i++) loss += 0.5 * lambda * w[i]! * w[i]!;
    for (let r = 0; r < n; r++) {
      data.row(r, x);
      let z = 0;
      for (let i = 0; i < k; i++) z += x[i]! * w[i]!;
      const y = data.label(r);
      // log(1 + e^z) - y z, written to stay finite for large |z|.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
      if (!g || !h) continue;
      const p = 1 / (1 + Math.exp(-z));
      const d = p - y;
      for (let i = 0; i < k; i++) g[i]! += d * x[i]!;
      if (r % stride !== 0) continue;
      const s = Math.max(p * (1 - p), 1e-9) * stride;
      for (let i = 0; i < k; i++) {
        const sxi = s * x[i]!;
        if (sxi === 0) continue;
        for (let j = i; j < k; j++) h[i * k + j]! += sxi * x[j]!;
      }
    }
    return loss;
  };
  let w = new Float64Array(k);
  for (let step = 0; step < (opts.maxSteps ?? 100); step++) {
    const g = new Float64Array(k);
    const h = new Float64Array(k * k);
    const loss = evaluate(w, g, h);
    for (let i = 1; i < k; i++) g[i]! += lambda * w[i]!;
    const m = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => h[Math.min(i, j) * k + Math.max(i, j)]!));
    for (let i = 1; i < k; i++) m[i]![i]! += lambda;
    const delta = solve(m, [...g].map((v) => -v));
    // Backtracking: the estimated Hessian gives a descent direction, not always a full step.
    const slope = delta.reduce((acc, d, i) => acc + d * g[i]!, 0);
    let alpha = 1;
    let next = w;
    let nextLoss = Infinity;
    for (; alpha > 1e-4; alpha /= 2) {
      next = w.map((wi, i) => wi + alpha * delta[i]!);
      nextLoss = evaluate(next);
      if (nextLoss <= loss + 1e-4 * alpha * slope) break;
    }
    const largest = alpha * Math.max(...delta.map(Math.abs));
    opts.log?.(`Newton step ${step + 1}: loss ${nextLoss.toFixed(3)}, step ${alpha}, largest change ${largest.toExponential(2)}`);
    if (nextLoss > loss) break;
    w = next;
    if (largest < 1e-4 || loss - nextLoss < 1e-7 * loss) break;
  }
  return [...w];
}

/** Gauss-Jordan elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      if (f === 0) continue;
      for (let j = c; j <= n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}
