// The clock tests set and move lives with the server's own code (the development server moves it too).
export { movableClock, type MovableClock } from '../shared/movable-clock.js';
