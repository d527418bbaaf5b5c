export { HorizontalScroll } from './HorizontalScroll';
