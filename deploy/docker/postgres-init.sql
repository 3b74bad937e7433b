-- Runs once, when the postgres container starts with an empty data directory (docker-entrypoint-initdb.d).
-- One login and one database per service, each database owned by its login (same names and passwords as
-- deploy/local/infra.sh and the services' appsettings.json).
CREATE ROLE zs_lead     LOGIN PASSWORD 'zs_lead_dev';
CREATE ROLE zs_project  LOGIN PASSWORD 'zs_project_dev';
CREATE ROLE zs_approval LOGIN PASSWORD 'zs_approval_dev';
CREATE ROLE zs_funding  LOGIN PASSWORD 'zs_funding_dev';
CREATE ROLE zs_identity LOGIN PASSWORD 'zs_identity_dev';

CREATE DATABASE zs_lead     OWNER zs_lead     ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE zs_project  OWNER zs_project  ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE zs_approval OWNER zs_approval ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE zs_funding  OWNER zs_funding  ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE zs_identity OWNER zs_identity ENCODING 'UTF8' TEMPLATE template0;
