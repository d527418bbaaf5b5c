export { FlywheelPage } from './FlywheelPage';
