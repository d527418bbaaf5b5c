export {
  TransitionList,
  TransitionTimeline,
  transitionHeadline,
} from './TransitionTimeline';
