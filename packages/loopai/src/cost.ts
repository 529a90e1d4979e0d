// The cost model of serving from a program instead of the oracle:
//   reduction = 1 − s − G / (N · c)
// s: effective oracle rate (oracle calls / requests), G: one-time generation cost, N: requests,
// c: the oracle's cost per call.

export interface CostInputs {
  requests: number;
  oracleCalls: number;
  generationCost: number;
  costPerCall: number;
}

export interface CostReport extends CostInputs {
  effectiveRate: number;
  reduction: number;
  oracleOnlyCost: number;
  loopCost: number;
}

export function costReduction(x: CostInputs): CostReport {
  const s = x.requests > 0 ? x.oracleCalls / x.requests : 0;
  const amortised = x.requests > 0 && x.costPerCall > 0 ? x.generationCost / (x.requests * x.costPerCall) : 0;
  return {
    ...x,
    effectiveRate: s,
    reduction: x.requests > 0 ? 1 - s - amortised : 0,
    oracleOnlyCost: x.requests * x.costPerCall,
    loopCost: x.oracleCalls * x.costPerCall + x.generationCost,
  };
}
