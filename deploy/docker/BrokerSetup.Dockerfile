# The broker provisioning tool (tools/Zhaoshang.BrokerSetup) that docker-compose's broker-setup runs once before the
# services start: users, permissions and topology, configured by Broker__* environment variables.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/Zhaoshang.Contracts/Zhaoshang.Contracts.csproj shared/Zhaoshang.Contracts/
COPY shared/Zhaoshang.Platform/Zhaoshang.Platform.csproj shared/Zhaoshang.Platform/
COPY tools/Zhaoshang.BrokerSetup/Zhaoshang.BrokerSetup.csproj tools/Zhaoshang.BrokerSetup/
RUN dotnet restore tools/Zhaoshang.BrokerSetup/Zhaoshang.BrokerSetup.csproj

COPY shared/ shared/
COPY tools/Zhaoshang.BrokerSetup/ tools/Zhaoshang.BrokerSetup/
RUN dotnet publish tools/Zhaoshang.BrokerSetup/Zhaoshang.BrokerSetup.csproj -c Release -o /app --no-restore -p:UseAppHost=false --nologo

# The platform library references ASP.NET Core, so the tool runs on the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
ENTRYPOINT ["dotnet", "Zhaoshang.BrokerSetup.dll"]
