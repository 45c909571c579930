export { COUNTER_PATH, CounterPage } from './CounterPage';
