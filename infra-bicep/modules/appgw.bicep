// Application Gateway WAF_v2 (prod edge): zone redundant, autoscaling from 2 instances, TLS 1.3
// only, HTTPS listener with the certificate from Key Vault, HTTP listener that only redirects to
// HTTPS, and a WAF policy in Prevention mode with the OWASP core rule set, the bot manager and a
// rate limit per client address.
// The backend is the Istio add-on's internal ingress gateway (an internal load balancer in the
// application subnet), which works with CNI Overlay where pod IPs are not reachable from the VNet.

import { appGatewayProfile } from '../types.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Capacity, zones and backend.')
param profile appGatewayProfile

@description('Public host name served by the gateway (and by the Istio gateway behind it).')
param hostName string

@description('DNS label of the public IP (globally unique in the region).')
param dnsLabel string

@description('NetworkProtectionPlan: the VNet\'s DDoS plan covers the public IP; IpProtection: DDoS IP Protection on it.')
param ddosProtection 'NetworkProtectionPlan' | 'IpProtection'

@description('Subnet dedicated to the gateway.')
param subnetId string

@description('Name of the Key Vault holding the TLS certificate.')
param keyVaultName string

@description('Name of the Key Vault certificate (imported before the first deployment).')
param certificateName string

@description('Anonymous path the health probe requests through the mesh (catalog JWKS_PATH).')
param probePath string

@description('Largest request body the WAF lets through, in KB (catalog REQUEST_BODY_LIMIT_BYTES, the same limit every layer enforces).')
param maxRequestBodySizeInKb int

@description('Requests one client address may send per window (catalog EDGE_RATE_LIMIT): the services count per user once the token is verified, and per address only the tokens they refuse.')
param rateLimit { threshold: int, duration: 'OneMin' | 'FiveMins' }

@description('Request headers removed from every client request before it goes to the mesh (catalog EDGE_STRIPPED_REQUEST_HEADERS: the correlation headers no hop behind may trust from a client, and the Envoy headers the mesh ingress gateway would act on or log as sent). At most 40: header configurations per rewrite rule set (Microsoft Learn, Application Gateway limits).')
@maxLength(40)
param strippedRequestHeaders string[]

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

@description('User-assigned identity the gateway reads its certificate with (appgw-identity.bicep: granted in phase 1).')
param identityId string

var name = 'agw-tripgen-${envName}'

// The rewrite rule set of the HTTPS routing rule: it removes the catalog's headers from each request.
var stripRuleSet = 'strip-client-headers'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource publicIp 'Microsoft.Network/publicIPAddresses@2026-03-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Regional' }
  zones: profile.zones
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
    dnsSettings: { domainNameLabel: dnsLabel }
    // The gateway's is the only inbound public IP: IP Protection here gives it the same DDoS
    // mitigation as the plan. https://learn.microsoft.com/azure/ddos-protection/ddos-protection-sku-comparison
    ddosSettings: { protectionMode: ddosProtection == 'IpProtection' ? 'Enabled' : 'VirtualNetworkInherited' }
  }
}

resource wafPolicy 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2026-03-01' = {
  name: 'waf-tripgen-${envName}'
  location: location
  tags: tags
  properties: {
    policySettings: {
      state: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: true
      maxRequestBodySizeInKb: maxRequestBodySizeInKb
      fileUploadLimitInMb: 10
    }
    customRules: [
      {
        // Grouped by ClientAddr, the address that connects to the gateway (it is the public edge),
        // never X-Forwarded-For, which a client writes. A rate-limit rule needs a match condition:
        // "not 255.255.255.255/32" matches every request, as Microsoft's own example does.
        // https://learn.microsoft.com/azure/web-application-firewall/ag/rate-limiting-configure
        name: 'RateLimitPerClientAddress'
        priority: 10
        state: 'Enabled'
        ruleType: 'RateLimitRule'
        rateLimitDuration: rateLimit.duration
        rateLimitThreshold: rateLimit.threshold
        groupByUserSession: [{ groupByVariables: [{ variableName: 'ClientAddr' }] }]
        matchConditions: [
          {
            matchVariables: [{ variableName: 'RemoteAddr' }]
            operator: 'IPMatch'
            negationConditon: true
            matchValues: ['255.255.255.255/32']
          }
        ]
        action: 'Block'
      }
    ]
    managedRules: {
      managedRuleSets: [
        { ruleSetType: 'OWASP', ruleSetVersion: '3.2' }
        { ruleSetType: 'Microsoft_BotManagerRuleSet', ruleSetVersion: '1.0' }
      ]
      exclusions: []
    }
  }
}

resource gateway 'Microsoft.Network/applicationGateways@2026-03-01' = {
  name: name
  location: location
  tags: tags
  zones: profile.zones
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2' }
    autoscaleConfiguration: { minCapacity: profile.minCapacity, maxCapacity: profile.maxCapacity }
    enableHttp2: true
    firewallPolicy: { id: wafPolicy.id }
    // Seed: TLS 1.3 outside. CustomV2 with TLS 1.3 as the minimum (its cipher suites are fixed
    // by the protocol). https://learn.microsoft.com/azure/application-gateway/application-gateway-ssl-policy-overview
    sslPolicy: { policyType: 'CustomV2', minProtocolVersion: 'TLSv1_3' }
    gatewayIPConfigurations: [{ name: 'gateway', properties: { subnet: { id: subnetId } } }]
    frontendIPConfigurations: [{ name: 'public', properties: { publicIPAddress: { id: publicIp.id } } }]
    frontendPorts: [
      { name: 'https', properties: { port: 443 } }
      { name: 'http', properties: { port: 80 } }
    ]
    sslCertificates: [
      {
        name: certificateName
        properties: { keyVaultSecretId: '${vault.properties.vaultUri}secrets/${certificateName}' }
      }
    ]
    backendAddressPools: [
      { name: 'istio-ingress', properties: { backendAddresses: [{ ipAddress: profile.backendIp }] } }
    ]
    probes: [
      {
        name: 'istio-ingress'
        properties: {
          protocol: 'Https'
          host: hostName
          path: probePath
          interval: 30
          timeout: 5
          unhealthyThreshold: 3
          match: { statusCodes: ['200-399'] }
        }
      }
    ]
    backendHttpSettingsCollection: [
      {
        // TLS again to the mesh edge: no plain HTTP leaves the gateway.
        name: 'istio-ingress-https'
        properties: {
          port: 443
          protocol: 'Https'
          hostName: hostName
          pickHostNameFromBackendAddress: false
          requestTimeout: 30
          cookieBasedAffinity: 'Disabled'
          probe: { id: resourceId('Microsoft.Network/applicationGateways/probes', name, 'istio-ingress') }
        }
      }
    ]
    httpListeners: [
      {
        name: 'https'
        properties: {
          frontendIPConfiguration: { id: resourceId('Microsoft.Network/applicationGateways/frontendIPConfigurations', name, 'public') }
          frontendPort: { id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', name, 'https') }
          protocol: 'Https'
          hostName: hostName
          requireServerNameIndication: true
          sslCertificate: { id: resourceId('Microsoft.Network/applicationGateways/sslCertificates', name, certificateName) }
        }
      }
      {
        name: 'http-redirect'
        properties: {
          frontendIPConfiguration: { id: resourceId('Microsoft.Network/applicationGateways/frontendIPConfigurations', name, 'public') }
          frontendPort: { id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', name, 'http') }
          protocol: 'Http'
          hostName: hostName
        }
      }
    ]
    redirectConfigurations: [
      {
        name: 'http-to-https'
        properties: {
          redirectType: 'Permanent'
          targetListener: { id: resourceId('Microsoft.Network/applicationGateways/httpListeners', name, 'https') }
          includePath: true
          includeQueryString: true
        }
      }
    ]
    // One rule, no condition: a client's x-request-id, traceparent, tracestate and baggage never
    // reach the mesh, whose ingress gateway, sidecars and access logs would take them as sent, nor do
    // the Envoy headers the ingress gateway acts on or logs without sanitizing them (x-client-trace-id,
    // x-envoy-original-path, x-envoy-upstream-stream-duration-ms; Envoy sanitizes the other x-envoy-*
    // itself, every request from here being external to it). Catalog EDGE_STRIPPED_REQUEST_HEADERS
    // says why; a rule set takes at most 40 header configurations (Application Gateway limits). A header configuration without headerValue deletes the
    // header (New-AzApplicationGatewayRewriteRuleHeaderConfiguration, -HeaderValue: "Header will be
    // deleted if this is omitted"); the WAF inspects the request as the client sent it, before the rewrite.
    // https://learn.microsoft.com/azure/application-gateway/rewrite-http-headers-url
    rewriteRuleSets: [
      {
        name: stripRuleSet
        properties: {
          rewriteRules: [
            {
              name: 'strip-client-headers'
              ruleSequence: 100
              conditions: []
              actionSet: {
                requestHeaderConfigurations: [for header in strippedRequestHeaders: { headerName: header }]
                responseHeaderConfigurations: []
              }
            }
          ]
        }
      }
    ]
    requestRoutingRules: [
      {
        name: 'https-to-istio'
        properties: {
          priority: 100
          ruleType: 'Basic'
          rewriteRuleSet: { id: resourceId('Microsoft.Network/applicationGateways/rewriteRuleSets', name, stripRuleSet) }
          httpListener: { id: resourceId('Microsoft.Network/applicationGateways/httpListeners', name, 'https') }
          backendAddressPool: { id: resourceId('Microsoft.Network/applicationGateways/backendAddressPools', name, 'istio-ingress') }
          backendHttpSettings: { id: resourceId('Microsoft.Network/applicationGateways/backendHttpSettingsCollection', name, 'istio-ingress-https') }
        }
      }
      {
        name: 'http-redirect'
        properties: {
          priority: 200
          ruleType: 'Basic'
          httpListener: { id: resourceId('Microsoft.Network/applicationGateways/httpListeners', name, 'http-redirect') }
          redirectConfiguration: { id: resourceId('Microsoft.Network/applicationGateways/redirectConfigurations', name, 'http-to-https') }
        }
      }
    ]
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource gatewayDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: gateway
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: publicIp
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource id of the gateway.')
output id string = gateway.id

@description('Public IP address resource id.')
output publicIpId string = publicIp.id
