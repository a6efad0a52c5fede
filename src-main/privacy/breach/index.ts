/** The breach register. */
export {
  createBreach,
  createBreachFromAlert,
  getBreach,
  listBreaches,
  updateBreach,
} from './store';
