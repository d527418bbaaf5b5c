export { ProductDashboardPage } from './ProductDashboardPage';
