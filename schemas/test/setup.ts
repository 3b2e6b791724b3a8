import fc from 'fast-check';

// Property tests run the same cases everywhere (CI included), so a red run is reproducible.
// Explore other cases with FC_SEED=<number> (or FC_SEED=random) when working on the engine.
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261125 });
