// Generated from openapi.yaml by scripts/openapi.js: do not edit.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "flywheel",
    "version": "1",
    "description": "The Flywheel REST API, mounted at /api/flywheel. Every endpoint except /health requires Backstage credentials. Entity refs travel in query strings or bodies, never in path segments.",
    "license": {
      "name": "Apache-2.0",
      "url": "http://www.apache.org/licenses/LICENSE-2.0.html"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "name",
              "message"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          },
          "request": {
            "type": "object"
          },
          "response": {
            "type": "object"
          }
        }
      },
      "GoldenPathService": {
        "type": "object",
        "required": [
          "entityRef",
          "title",
          "drifted"
        ],
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "templateRef": {
            "type": "string"
          },
          "templateVersion": {
            "type": "string"
          },
          "createdAt": {
            "type": "string"
          },
          "drifted": {
            "type": "boolean"
          }
        }
      },
      "MonthlyCount": {
        "type": "object",
        "required": [
          "month",
          "count"
        ],
        "additionalProperties": false,
        "properties": {
          "month": {
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}$"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "GoldenPathSummary": {
        "type": "object",
        "required": [
          "templateRef",
          "name",
          "title",
          "tags",
          "servicesCreated",
          "adoptionPercent",
          "runs",
          "medianCreationSeconds",
          "drifted",
          "creationsByMonth"
        ],
        "additionalProperties": false,
        "properties": {
          "templateRef": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "version": {
            "type": "string"
          },
          "changelog": {
            "type": "string"
          },
          "servicesCreated": {
            "type": "integer",
            "minimum": 0
          },
          "adoptionPercent": {
            "type": "number"
          },
          "runs": {
            "type": "object",
            "required": [
              "total",
              "succeeded",
              "failed",
              "successRate"
            ],
            "additionalProperties": false,
            "properties": {
              "total": {
                "type": "integer"
              },
              "succeeded": {
                "type": "integer"
              },
              "failed": {
                "type": "integer"
              },
              "successRate": {
                "type": [
                  "number",
                  "null"
                ]
              }
            }
          },
          "medianCreationSeconds": {
            "type": [
              "number",
              "null"
            ]
          },
          "drifted": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoldenPathService"
            }
          },
          "creationsByMonth": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MonthlyCount"
            }
          }
        }
      },
      "GoldenPathsResponse": {
        "type": "object",
        "required": [
          "items",
          "totals"
        ],
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoldenPathSummary"
            }
          },
          "totals": {
            "type": "object",
            "required": [
              "components",
              "fromGoldenPaths",
              "adoptionPercent"
            ],
            "additionalProperties": false,
            "properties": {
              "components": {
                "type": "integer"
              },
              "fromGoldenPaths": {
                "type": "integer"
              },
              "adoptionPercent": {
                "type": "number"
              }
            }
          }
        }
      },
      "GroupAdoptionResponse": {
        "type": "object",
        "required": [
          "groupRef",
          "groupRefs",
          "totalComponents",
          "fromGoldenPaths",
          "adoptionPercent",
          "paths",
          "components"
        ],
        "additionalProperties": false,
        "properties": {
          "groupRef": {
            "type": "string"
          },
          "groupRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "totalComponents": {
            "type": "integer"
          },
          "fromGoldenPaths": {
            "type": "integer"
          },
          "adoptionPercent": {
            "type": "number"
          },
          "paths": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "templateRef",
                "title",
                "count",
                "percent"
              ],
              "additionalProperties": false,
              "properties": {
                "templateRef": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "count": {
                  "type": "integer"
                },
                "percent": {
                  "type": "number"
                }
              }
            }
          },
          "components": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoldenPathService"
            }
          }
        }
      },
      "EntityProvenanceResponse": {
        "type": "object",
        "required": [
          "entityRef",
          "fromTemplate",
          "isGoldenPath",
          "drifted"
        ],
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "fromTemplate": {
            "type": "boolean"
          },
          "templateRef": {
            "type": "string"
          },
          "isGoldenPath": {
            "type": "boolean"
          },
          "templateTitle": {
            "type": "string"
          },
          "templateVersion": {
            "type": "string"
          },
          "currentVersion": {
            "type": "string"
          },
          "drifted": {
            "type": "boolean"
          },
          "createdAt": {
            "type": "string"
          }
        }
      },
      "RecordRunRequest": {
        "type": "object",
        "required": [
          "taskId",
          "templateRef",
          "outcome"
        ],
        "additionalProperties": false,
        "properties": {
          "taskId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "templateRef": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "templateVersion": {
            "type": "string",
            "maxLength": 64
          },
          "entityRef": {
            "type": "string",
            "maxLength": 255
          },
          "ownerRef": {
            "type": "string",
            "maxLength": 255
          },
          "startedAt": {
            "type": "string",
            "format": "date-time"
          },
          "completedAt": {
            "type": "string",
            "format": "date-time"
          },
          "outcome": {
            "type": "string",
            "enum": [
              "succeeded",
              "failed"
            ]
          }
        }
      }
    },
    "responses": {
      "ErrorResponse": {
        "description": "An error, with a message a person can act on.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "parameters": {
      "groupRef": {
        "name": "groupRef",
        "in": "query",
        "required": true,
        "description": "Entity ref of a Group, e.g. group:default/payments.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "entityRef": {
        "name": "entityRef",
        "in": "query",
        "required": true,
        "description": "Entity ref, e.g. component:default/checkout-api.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1
        }
      }
    }
  },
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "description": "Liveness check; needs no credentials.",
        "responses": {
          "200": {
            "description": "The plugin is up.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "status"
                  ],
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/golden-paths": {
      "get": {
        "operationId": "ListGoldenPaths",
        "description": "Every golden path with its adoption, runs, creation time and drift.",
        "responses": {
          "200": {
            "description": "The golden paths.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoldenPathsResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/golden-paths/adoption": {
      "get": {
        "operationId": "GetGroupAdoption",
        "description": "Golden-path adoption of a team including all its sub-teams, per path and overall, with the components behind the numbers.",
        "parameters": [
          {
            "$ref": "#/components/parameters/groupRef"
          }
        ],
        "responses": {
          "200": {
            "description": "Adoption in the group's scope.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GroupAdoptionResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/golden-paths/provenance": {
      "get": {
        "operationId": "GetEntityProvenance",
        "description": "Which golden path an entity came from, its version and whether it has drifted.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRef"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's provenance.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityProvenanceResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/golden-paths/runs": {
      "post": {
        "operationId": "RecordRun",
        "description": "Records one scaffolder run of a golden path. Idempotent per taskId. The user is taken from the credentials.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecordRunRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "taskId"
                  ],
                  "properties": {
                    "taskId": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  }
} as const;
