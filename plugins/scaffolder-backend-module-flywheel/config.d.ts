export interface Config {
  flywheel?: {
    scaffolder?: {
      /**
       * The offline publishing route of `flywheel:publish:local`: scaffolded
       * services are copied under this directory (relative paths resolve from
       * the backend's working directory) and registered as `file` locations.
       * Leave unset in production, where templates publish to a real SCM.
       */
      localPublish?: {
        directory?: string;
      };
    };
  };
}
