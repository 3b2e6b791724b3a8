import { logicEngine, compileLogic } from '../dist/src/logic/engine.js';
const f = compileLogic({"<=":[5,{"abs":[{"var":"x"}]},12]});
console.log(f.toString().slice(0, 1500));
