# The gateway's image: the console's production build (console/, Node.js) served by the gateway (services/Gateway).
#   docker build -f deploy/docker/Gateway.Dockerfile -t zhaoshang/gateway .
# (build context = repository root).

# ---- the console -------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS console
WORKDIR /console
# Dependencies first, from the lock file only, so that their layer is cached across source edits.
COPY console/package.json console/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY console/ ./
RUN npm run build

# ---- the gateway -------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Zhaoshang.sln ./
COPY shared/Zhaoshang.Contracts/Zhaoshang.Contracts.csproj shared/Zhaoshang.Contracts/
COPY shared/Zhaoshang.Platform/Zhaoshang.Platform.csproj shared/Zhaoshang.Platform/
COPY services/Gateway/Zhaoshang.Gateway.csproj services/Gateway/
RUN dotnet restore services/Gateway/Zhaoshang.Gateway.csproj
COPY shared/ shared/
COPY services/Gateway/ services/Gateway/
RUN dotnet publish services/Gateway/Zhaoshang.Gateway.csproj -c Release -o /app --no-restore -p:UseAppHost=false --nologo

# ---- runtime -----------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# "Urls" (not ASPNETCORE_URLS): appsettings.json sets "Urls", and only the unprefixed variable outranks it.
ENV Urls=http://+:8080 \
    Gateway__ConsoleRoot=/app/console \
    DOTNET_NOLOGO=1
WORKDIR /app
# Files stay owned by root: the gateway cannot modify itself or the console it serves.
COPY --from=build /app ./
COPY --from=console /console/dist ./console
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Zhaoshang.Gateway.dll"]
