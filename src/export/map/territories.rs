//! Which state held an outline's territory when that outline's own state did not exist (or
//! shared it): the table the world map colours historical dates by. Each row names its source.
//!
//! On a date the map draws an outline as its own state (when that is a state by its statehood
//! spells) plus every row here whose `from..=until` holds the date and whose holder is a state
//! then; `until` is the last day held, `""` still held. Rows cover unions and break-ups of the
//! data's states (the Soviet Union under Russia's COW id, Yugoslavia under Serbia's,
//! Czechoslovakia, Austria-Hungary, the two Germanys and the German states before 1871, the
//! Italian states before 1861, the Yemens, the Vietnams, Zanzibar), annexations of one state's
//! territory by another (Austria 1938, Korea 1910, Bessarabia, the Baltic states 1940), the
//! Russian, Ottoman and Qing provinces that are most of a present outline, and today's
//! territories that are not states (Greenland, Puerto Rico, the Falklands, New Caledonia, the
//! French Southern Lands, Northern Cyprus and Somaliland de jure). Left out on purpose: overseas
//! colonies, protectorates, mandates and dominions; military occupations (most of the Second
//! World War, Kuwait 1990, the West Bank, Gaza and Western Sahara, which are disputed); vassal
//! and personal-union states (Serbia and Romania before 1878, Norway before 1905); and an
//! outline only partly held by any one state (Poland before 1918).
//!
//! The dates are those of the treaties, acts and declarations each row names, as standard
//! references give them; a few were checked against a published text for this table
//! (Turkmenchay 1828-02-22, the Bosnian occupation 1878-07-29, Albania's union vote
//! 1939-04-12, Luxembourg 1942-08-30), the others were not. The table decides only which
//! colour an outline takes on a historical map, never an answer about ties; a date found wrong
//! is a one-row fix.

use super::Holding;

#[rustfmt::skip]
pub(super) static HOLDINGS: &[Holding] = &[
    // Russian Empire, then the Soviet Union (RUS, COW 365, for both). Soviet spans end the
    // day before the USSR recognised the Baltic states (1991-09-06) or ceased to exist
    // (1991-12-26), the days the COW state system starts the successors.
    Holding { outline: "FIN", holder: "RUS", from: "1816-01-01", until: "1917-12-05", source: "Grand Duchy of Finland in the Russian Empire (Treaty of Fredrikshamn, 1809-09-17); Finnish Declaration of Independence (1917-12-06)" },
    Holding { outline: "EST", holder: "RUS", from: "1816-01-01", until: "1918-02-23", source: "Russian Empire (Treaty of Nystad, 1721); Estonian Declaration of Independence (1918-02-24)" },
    Holding { outline: "EST", holder: "RUS", from: "1940-06-17", until: "1991-09-05", source: "Soviet occupation (1940-06-17) and annexation (1940-08-06), not recognised by the US (Welles Declaration); USSR State Council recognised independence (1991-09-06)" },
    Holding { outline: "LVA", holder: "RUS", from: "1816-01-01", until: "1918-03-02", source: "Russian Empire (Courland, Livonia, Vitebsk); Treaty of Brest-Litovsk (1918-03-03)" },
    Holding { outline: "LVA", holder: "RUS", from: "1940-06-17", until: "1991-09-05", source: "Soviet occupation (1940-06-17) and annexation (1940-08-05), not recognised by the US (Welles Declaration); USSR State Council recognised independence (1991-09-06)" },
    Holding { outline: "LTU", holder: "RUS", from: "1816-01-01", until: "1918-02-15", source: "Russian Empire (Third Partition of Poland, 1795); Act of Independence of Lithuania (1918-02-16)" },
    Holding { outline: "LTU", holder: "RUS", from: "1940-06-16", until: "1991-09-05", source: "Soviet occupation (1940-06-15) and annexation (1940-08-03), not recognised by the US (Welles Declaration); USSR State Council recognised independence (1991-09-06)" },
    Holding { outline: "BLR", holder: "RUS", from: "1816-01-01", until: "1918-03-02", source: "Russian Empire (Partitions of Poland, 1772-1795); Treaty of Brest-Litovsk (1918-03-03)" },
    Holding { outline: "BLR", holder: "POL", from: "1921-03-18", until: "1939-09-16", source: "Peace of Riga (1921-03-18) gave Poland West Belarus, about half the outline; Soviet invasion (1939-09-17)" },
    Holding { outline: "BLR", holder: "RUS", from: "1922-12-30", until: "1991-12-25", source: "Treaty on the Creation of the USSR (1922-12-30); West Belarus annexed 1939-11-02; Declaration of Independence (1991-08-25); USSR dissolved (1991-12-26)" },
    Holding { outline: "UKR", holder: "RUS", from: "1816-01-01", until: "1918-03-02", source: "Russian Empire (all but Galicia, Bukovina and Transcarpathia); Treaty of Brest-Litovsk (1918-03-03) recognising the Ukrainian People's Republic" },
    Holding { outline: "UKR", holder: "RUS", from: "1922-12-30", until: "1991-12-25", source: "Treaty on the Creation of the USSR (1922-12-30); Declaration of Independence (1991-08-24); USSR dissolved (1991-12-26)" },
    Holding { outline: "MDA", holder: "RUS", from: "1816-01-01", until: "1918-04-08", source: "Bessarabia annexed by Russia (Treaty of Bucharest, 1812-05-28); Sfatul Tarii voted union with Romania (1918-04-09)" },
    Holding { outline: "MDA", holder: "ROU", from: "1918-04-09", until: "1940-06-27", source: "Union of Bessarabia with Romania (Sfatul Tarii, 1918-04-09; Treaty of Paris, 1920-10-28); Soviet occupation (1940-06-28)" },
    Holding { outline: "MDA", holder: "RUS", from: "1940-06-28", until: "1991-12-25", source: "Soviet annexation of Bessarabia (1940-06-28; Romanian reoccupation 1941-1944 not shown); Declaration of Independence (1991-08-27); USSR dissolved (1991-12-26)" },
    Holding { outline: "GEO", holder: "RUS", from: "1816-01-01", until: "1918-04-21", source: "Russian Empire (Kartli-Kakheti annexed 1801, Imereti 1810); Transcaucasian Federation independent (1918-04-22)" },
    Holding { outline: "GEO", holder: "RUS", from: "1922-12-30", until: "1991-12-25", source: "Treaty on the Creation of the USSR (1922-12-30); Act of Restoration of Independence (1991-04-09); USSR dissolved (1991-12-26)" },
    Holding { outline: "ARM", holder: "RUS", from: "1828-02-22", until: "1918-04-21", source: "Treaty of Turkmenchay (1828-02-22) ceded the Erivan Khanate; Transcaucasian Federation independent (1918-04-22)" },
    Holding { outline: "ARM", holder: "RUS", from: "1922-12-30", until: "1991-12-25", source: "Treaty on the Creation of the USSR (1922-12-30); independence referendum (1991-09-21); USSR dissolved (1991-12-26)" },
    Holding { outline: "AZE", holder: "RUS", from: "1816-01-01", until: "1918-04-21", source: "Treaty of Gulistan (1813-10-24) ceded the khanates; Transcaucasian Federation independent (1918-04-22)" },
    Holding { outline: "AZE", holder: "RUS", from: "1922-12-30", until: "1991-12-25", source: "Treaty on the Creation of the USSR (1922-12-30); Declaration of Independence (1991-08-30); USSR dissolved (1991-12-26)" },
    Holding { outline: "KAZ", holder: "RUS", from: "1920-08-26", until: "1991-12-25", source: "Kirghiz (Kazakh) ASSR formed within the RSFSR (1920-08-26); Kazakh SSR (1936-12-05); USSR dissolved (1991-12-26)" },
    Holding { outline: "KGZ", holder: "RUS", from: "1922-12-30", until: "1991-12-25", source: "Treaty on the Creation of the USSR (1922-12-30), Turkestan ASSR of the RSFSR; Declaration of Independence (1991-08-31); USSR dissolved (1991-12-26)" },
    Holding { outline: "UZB", holder: "RUS", from: "1924-10-27", until: "1991-12-25", source: "National delimitation in Central Asia: Uzbek SSR (1924-10-27); Declaration of Independence (1991-08-31); USSR dissolved (1991-12-26)" },
    Holding { outline: "TKM", holder: "RUS", from: "1924-10-27", until: "1991-12-25", source: "National delimitation in Central Asia: Turkmen SSR (1924-10-27); Declaration of Independence (1991-10-27); USSR dissolved (1991-12-26)" },
    Holding { outline: "TJK", holder: "RUS", from: "1924-10-27", until: "1991-12-25", source: "National delimitation in Central Asia: Tajik ASSR in the Uzbek SSR (1924), Tajik SSR (1929); Declaration of Independence (1991-09-09); USSR dissolved (1991-12-26)" },
    // Austria, then Austria-Hungary (XAH, COW 300).
    Holding { outline: "AUT", holder: "XAH", from: "1816-01-01", until: "1918-11-11", source: "Austrian Empire, Austria-Hungary (Compromise of 1867); Republic of German-Austria proclaimed (1918-11-12)" },
    Holding { outline: "HUN", holder: "XAH", from: "1816-01-01", until: "1918-10-31", source: "Kingdom of Hungary in the Austrian Empire, Austria-Hungary (Compromise of 1867); Hungarian government ended the union (1918-10-31)" },
    Holding { outline: "CZE", holder: "XAH", from: "1816-01-01", until: "1918-10-27", source: "Bohemia, Moravia and Silesia, Austrian crown lands; Czechoslovak independence (1918-10-28)" },
    Holding { outline: "SVK", holder: "XAH", from: "1816-01-01", until: "1918-10-27", source: "Upper Hungary, Kingdom of Hungary; Czechoslovak independence (1918-10-28), Martin Declaration (1918-10-30)" },
    Holding { outline: "SVN", holder: "XAH", from: "1816-01-01", until: "1918-10-28", source: "Carniola, Styria, Littoral, Austrian crown lands; State of Slovenes, Croats and Serbs (1918-10-29)" },
    Holding { outline: "HRV", holder: "XAH", from: "1816-01-01", until: "1918-10-28", source: "Croatia-Slavonia (Hungarian crown), Dalmatia and Istria (Austrian); Croatian Sabor broke with Austria-Hungary (1918-10-29)" },
    Holding { outline: "BIH", holder: "XAH", from: "1878-07-29", until: "1918-10-28", source: "Occupation under the Treaty of Berlin (art. 25; troops entered 1878-07-29), annexed 1908-10-06; State of Slovenes, Croats and Serbs (1918-10-29)" },
    Holding { outline: "ITA", holder: "XAH", from: "1816-01-01", until: "1866-10-03", source: "Kingdom of Lombardy-Venetia (Congress of Vienna, 1815); Lombardy ceded (Treaty of Zurich, 1859-11-10), Venetia ceded (Treaty of Vienna, 1866-10-03)" },
    // Ottoman Empire (TUR, COW 640): provinces under direct rule that are most of an outline.
    Holding { outline: "GRC", holder: "TUR", from: "1816-01-01", until: "1827-12-31", source: "Ottoman rule (Greek War of Independence from 1821-03-25); Greece a state from 1828 (COW)" },
    Holding { outline: "BGR", holder: "TUR", from: "1816-01-01", until: "1878-07-12", source: "Ottoman rule; Treaty of Berlin (1878-07-13) made Bulgaria an autonomous principality" },
    Holding { outline: "BIH", holder: "TUR", from: "1816-01-01", until: "1878-07-28", source: "Ottoman Eyalet of Bosnia; Austro-Hungarian occupation under the Treaty of Berlin (1878-07-29)" },
    Holding { outline: "ALB", holder: "TUR", from: "1816-01-01", until: "1912-11-27", source: "Ottoman rule; Albanian Declaration of Independence (Vlore, 1912-11-28)" },
    Holding { outline: "MKD", holder: "TUR", from: "1816-01-01", until: "1913-05-29", source: "Ottoman rule; Treaty of London (1913-05-30) ceded the Balkan provinces" },
    Holding { outline: "XKX", holder: "TUR", from: "1816-01-01", until: "1913-05-29", source: "Ottoman rule; Treaty of London (1913-05-30) ceded the Balkan provinces" },
    Holding { outline: "CYP", holder: "TUR", from: "1816-01-01", until: "1878-07-11", source: "Ottoman rule; British administration under the Cyprus Convention (1878-06-04) from 1878-07-12" },
    Holding { outline: "CYN", holder: "TUR", from: "1816-01-01", until: "1878-07-11", source: "Ottoman rule; British administration under the Cyprus Convention (1878-06-04) from 1878-07-12" },
    Holding { outline: "SYR", holder: "TUR", from: "1816-01-01", until: "1918-10-30", source: "Ottoman rule; Armistice of Mudros (1918-10-30), Ottoman renunciation in the Treaty of Lausanne (1923)" },
    Holding { outline: "LBN", holder: "TUR", from: "1816-01-01", until: "1918-10-30", source: "Ottoman rule; Armistice of Mudros (1918-10-30), Ottoman renunciation in the Treaty of Lausanne (1923)" },
    Holding { outline: "JOR", holder: "TUR", from: "1816-01-01", until: "1918-10-30", source: "Ottoman rule; Armistice of Mudros (1918-10-30), Ottoman renunciation in the Treaty of Lausanne (1923)" },
    Holding { outline: "ISR", holder: "TUR", from: "1816-01-01", until: "1918-10-30", source: "Ottoman rule; Armistice of Mudros (1918-10-30), Ottoman renunciation in the Treaty of Lausanne (1923)" },
    Holding { outline: "PSE", holder: "TUR", from: "1816-01-01", until: "1918-10-30", source: "Ottoman rule; Armistice of Mudros (1918-10-30), Ottoman renunciation in the Treaty of Lausanne (1923)" },
    Holding { outline: "IRQ", holder: "TUR", from: "1816-01-01", until: "1918-10-30", source: "Ottoman rule; Armistice of Mudros (1918-10-30), Ottoman renunciation in the Treaty of Lausanne (1923)" },
    // Yugoslavia (SRB, COW 345, Serbia then Yugoslavia), split at its 1941-1944 gap.
    Holding { outline: "SVN", holder: "SRB", from: "1918-12-01", until: "1941-04-20", source: "Kingdom of Serbs, Croats and Slovenes proclaimed (1918-12-01); Axis invasion (1941)" },
    Holding { outline: "SVN", holder: "SRB", from: "1944-10-20", until: "1991-10-07", source: "Yugoslavia restored (1944-10-20); independence declared 1991-06-25, in effect after the Brioni moratorium (1991-10-08)" },
    Holding { outline: "HRV", holder: "SRB", from: "1918-12-01", until: "1941-04-20", source: "Kingdom of Serbs, Croats and Slovenes proclaimed (1918-12-01); Axis invasion (1941)" },
    Holding { outline: "HRV", holder: "SRB", from: "1944-10-20", until: "1991-10-07", source: "Yugoslavia restored (1944-10-20); independence declared 1991-06-25, in effect after the Brioni moratorium (1991-10-08)" },
    Holding { outline: "BIH", holder: "SRB", from: "1918-12-01", until: "1941-04-20", source: "Kingdom of Serbs, Croats and Slovenes proclaimed (1918-12-01); Axis invasion (1941)" },
    Holding { outline: "BIH", holder: "SRB", from: "1944-10-20", until: "1992-03-02", source: "Yugoslavia restored (1944-10-20); independence declared after the referendum (1992-03-03)" },
    Holding { outline: "MKD", holder: "SRB", from: "1913-05-30", until: "1941-04-20", source: "Serbian since the Treaty of London (1913-05-30) and the Treaty of Bucharest (1913-08-10); Axis invasion (1941)" },
    Holding { outline: "MKD", holder: "SRB", from: "1944-10-20", until: "1991-09-07", source: "Yugoslavia restored (1944-10-20); independence referendum (1991-09-08)" },
    Holding { outline: "MNE", holder: "SRB", from: "1918-11-26", until: "1941-04-20", source: "Podgorica Assembly voted union with Serbia (1918-11-26); Axis invasion (1941)" },
    Holding { outline: "MNE", holder: "SRB", from: "1944-10-20", until: "2006-06-02", source: "Yugoslavia restored (1944-10-20), then Serbia and Montenegro; Montenegrin Declaration of Independence (2006-06-03)" },
    Holding { outline: "XKX", holder: "SRB", from: "1913-05-30", until: "1941-04-20", source: "Treaty of London (1913-05-30): most of Kosovo to Serbia, the west to Montenegro until 1918; Axis invasion (1941)" },
    Holding { outline: "XKX", holder: "SRB", from: "1944-10-20", until: "2008-02-16", source: "Yugoslavia restored (1944-10-20); de jure only under UN administration from 1999-06-10 (UNSCR 1244); Kosovo Declaration of Independence (2008-02-17)" },
    // Czechoslovakia (CSK) and the German annexations of 1938-1939.
    Holding { outline: "CZE", holder: "CSK", from: "1918-10-28", until: "1939-03-15", source: "Czechoslovak independence (1918-10-28); German occupation (1939-03-15)" },
    Holding { outline: "CZE", holder: "CSK", from: "1945-05-10", until: "1992-12-31", source: "Czechoslovakia restored (1945); dissolved by Constitutional Act 542/1992 (1993-01-01)" },
    Holding { outline: "SVK", holder: "CSK", from: "1918-10-28", until: "1939-03-13", source: "Czechoslovak independence (1918-10-28); Slovak State proclaimed (1939-03-14)" },
    Holding { outline: "SVK", holder: "CSK", from: "1945-05-10", until: "1992-12-31", source: "Czechoslovakia restored (1945); dissolved by Constitutional Act 542/1992 (1993-01-01)" },
    Holding { outline: "CZE", holder: "DEU", from: "1938-10-01", until: "1945-05-08", source: "Sudetenland annexed under the Munich Agreement (1938-09-30) from 1938-10-01; Protectorate of Bohemia and Moravia decreed (1939-03-16); German surrender (1945-05-08)" },
    Holding { outline: "AUT", holder: "DEU", from: "1938-03-14", until: "1945-04-26", source: "Anschluss (Law on Reunification, 1938-03-13); Austrian Declaration of Independence (1945-04-27)" },
    Holding { outline: "LUX", holder: "DEU", from: "1942-08-30", until: "1944-09-09", source: "German annexation proclaimed by Gauleiter Simon (1942-08-30), void in law; liberation of Luxembourg City (1944-09-10)" },
    // Germany: the states before 1871 (COW spans) beside Prussia, and the two Germanys.
    Holding { outline: "DEU", holder: "XBV", from: "1816-01-01", until: "1871-01-18", source: "Kingdom of Bavaria (COW); German Empire proclaimed (1871-01-18)" },
    Holding { outline: "DEU", holder: "XBD", from: "1816-01-01", until: "1871-01-18", source: "Grand Duchy of Baden (COW); German Empire proclaimed (1871-01-18)" },
    Holding { outline: "DEU", holder: "XWT", from: "1816-01-01", until: "1871-01-18", source: "Kingdom of Wurttemberg (COW); German Empire proclaimed (1871-01-18)" },
    Holding { outline: "DEU", holder: "XSX", from: "1816-01-01", until: "1867-04-17", source: "Kingdom of Saxony (COW); North German Confederation (1867)" },
    Holding { outline: "DEU", holder: "XHD", from: "1816-01-01", until: "1867-04-17", source: "Grand Duchy of Hesse (COW); North German Confederation (1867)" },
    Holding { outline: "DEU", holder: "XHK", from: "1816-01-01", until: "1866-07-26", source: "Electorate of Hesse (COW); annexed by Prussia after the Peace of Nikolsburg (1866-07-26)" },
    Holding { outline: "DEU", holder: "XHN", from: "1837-06-20", until: "1866-07-26", source: "Kingdom of Hanover, separate from the British crown (1837-06-20); annexed by Prussia after the Peace of Nikolsburg (1866-07-26)" },
    Holding { outline: "DEU", holder: "XMS", from: "1843-01-01", until: "1867-04-17", source: "Grand Duchy of Mecklenburg-Schwerin (COW); North German Confederation (1867)" },
    Holding { outline: "DEU", holder: "DDR", from: "1954-03-25", until: "1990-10-02", source: "Soviet declaration on the sovereignty of the GDR (1954-03-25); Unification Treaty (1990-10-03)" },
    Holding { outline: "DEU", holder: "XGF", from: "1955-05-05", until: "1990-10-02", source: "Paris Agreements in force (1955-05-05); Unification Treaty (1990-10-03)" },
    // Italy: the states before 1861 (COW spans) beside Sardinia.
    Holding { outline: "ITA", holder: "XPS", from: "1816-01-01", until: "1860-11-05", source: "Papal States (COW); Marche and Umbria annexed after the plebiscites of 1860-11-04/05 (Rome papal until 1870)" },
    Holding { outline: "ITA", holder: "XTS", from: "1816-01-01", until: "1861-02-13", source: "Kingdom of the Two Sicilies (COW); surrender of Gaeta (1861-02-13)" },
    Holding { outline: "ITA", holder: "XTU", from: "1816-01-01", until: "1860-03-15", source: "Grand Duchy of Tuscany (COW); annexed to Sardinia after the plebiscite of 1860-03-11/12" },
    Holding { outline: "ITA", holder: "XMD", from: "1842-01-01", until: "1860-03-15", source: "Duchy of Modena (COW); annexed to Sardinia after the plebiscite of 1860-03-11/12" },
    Holding { outline: "ITA", holder: "XPR", from: "1851-01-01", until: "1860-03-15", source: "Duchy of Parma (COW); annexed to Sardinia after the plebiscite of 1860-03-11/12" },
    // Western Europe.
    Holding { outline: "BEL", holder: "NLD", from: "1816-01-01", until: "1830-10-03", source: "United Kingdom of the Netherlands (Final Act of the Congress of Vienna, 1815-06-09); Belgian declaration of independence (1830-10-04)" },
    Holding { outline: "IRL", holder: "GBR", from: "1816-01-01", until: "1922-12-05", source: "Acts of Union 1800 (in force 1801-01-01); Irish Free State (Anglo-Irish Treaty 1921-12-06, in force 1922-12-06)" },
    Holding { outline: "ISL", holder: "DNK", from: "1816-01-01", until: "1918-11-30", source: "Danish dependency (Treaty of Kiel, 1814-01-14); Danish-Icelandic Act of Union (1918-12-01)" },
    Holding { outline: "GRL", holder: "DNK", from: "1816-01-01", until: "1940-04-09", source: "Danish (Treaty of Kiel, 1814-01-14; PCIJ Eastern Greenland judgment, 1933); German occupation of Denmark (1940-04-09)" },
    Holding { outline: "GRL", holder: "DNK", from: "1945-05-07", until: "", source: "Danish; part of the Realm (Constitution of 1953), home rule (1979), self-rule (2009)" },
    // Asia.
    Holding { outline: "KOR", holder: "XKR", from: "1887-01-01", until: "1905-11-17", source: "Joseon / Korean Empire (COW from 1887); Eulsa Treaty protectorate (1905-11-17)" },
    Holding { outline: "PRK", holder: "XKR", from: "1887-01-01", until: "1905-11-17", source: "Joseon / Korean Empire (COW from 1887); Eulsa Treaty protectorate (1905-11-17)" },
    Holding { outline: "KOR", holder: "JPN", from: "1910-08-29", until: "1945-08-14", source: "Japan-Korea Annexation Treaty (1910-08-22, in force 1910-08-29); Japan accepted the Potsdam Declaration (1945-08-14)" },
    Holding { outline: "PRK", holder: "JPN", from: "1910-08-29", until: "1945-08-14", source: "Japan-Korea Annexation Treaty (1910-08-22, in force 1910-08-29); Japan accepted the Potsdam Declaration (1945-08-14)" },
    Holding { outline: "TWN", holder: "CHN", from: "1860-10-25", until: "1895-05-07", source: "Qing Taiwan (province from 1885); Treaty of Shimonoseki (ratifications exchanged 1895-05-08)" },
    Holding { outline: "TWN", holder: "JPN", from: "1895-05-08", until: "1945-08-14", source: "Treaty of Shimonoseki (1895-04-17, in force 1895-05-08); Japan accepted the Potsdam Declaration (1945-08-14)" },
    Holding { outline: "TWN", holder: "CHN", from: "1945-10-25", until: "1949-12-07", source: "Japanese surrender in Taiwan to the Republic of China (1945-10-25); ROC government moved to Taipei (1949-12-07)" },
    Holding { outline: "MNG", holder: "CHN", from: "1860-10-25", until: "1911-12-28", source: "Qing Outer Mongolia; Bogd Khan proclaimed ruler of independent Mongolia (1911-12-29)" },
    Holding { outline: "VNM", holder: "XRV", from: "1954-06-04", until: "1975-04-30", source: "State of Vietnam independent (Matignon treaties, 1954-06-04), Republic of Vietnam (1955); fall of Saigon (1975-04-30)" },
    Holding { outline: "BGD", holder: "PAK", from: "1947-08-14", until: "1971-12-15", source: "East Bengal / East Pakistan (Indian Independence Act 1947); Pakistani surrender at Dhaka (1971-12-16)" },
    Holding { outline: "SGP", holder: "MYS", from: "1963-09-16", until: "1965-08-08", source: "Malaysia Agreement (in force 1963-09-16); Independence of Singapore Agreement (1965-08-09)" },
    Holding { outline: "TLS", holder: "IDN", from: "1976-07-17", until: "1999-10-24", source: "Indonesian annexation (Law 7/1976, 1976-07-17), not recognised by the UN; UN administration (UNSCR 1272, 1999-10-25)" },
    // Middle East and Africa.
    Holding { outline: "SYR", holder: "EGY", from: "1958-02-02", until: "1961-09-28", source: "United Arab Republic proclaimed (1958-02-01), confirmed by plebiscites (1958-02-21); Syrian secession (1961-09-28)" },
    Holding { outline: "YEM", holder: "XYA", from: "1926-09-02", until: "1990-05-21", source: "Mutawakkilite Kingdom, then Yemen Arab Republic (COW from 1926-09-02); Yemeni unification (1990-05-22)" },
    Holding { outline: "YEM", holder: "YMD", from: "1967-11-30", until: "1990-05-21", source: "South Yemen independent (1967-11-30); Yemeni unification (1990-05-22)" },
    Holding { outline: "ERI", holder: "ETH", from: "1952-09-15", until: "1993-05-23", source: "Federation with Ethiopia (UNGA Res. 390 A (V); 1952-09-15), annexed 1962-11-14; EPLF held Asmara from 1991-05-24; independence (1993-05-24)" },
    Holding { outline: "ETH", holder: "ITA", from: "1936-05-09", until: "1941-05-04", source: "Italian annexation decree (1936-05-09), Italian East Africa; Haile Selassie back in Addis Ababa (1941-05-05)" },
    Holding { outline: "ALB", holder: "ITA", from: "1939-04-12", until: "1943-09-08", source: "Italian invasion (1939-04-07); Albanian assembly voted union with Italy (1939-04-12); Italian armistice (1943-09-08)" },
    Holding { outline: "SSD", holder: "SDN", from: "1956-01-01", until: "2011-07-08", source: "Sudan independent (1956-01-01); Comprehensive Peace Agreement (2005), South Sudan independent (2011-07-09)" },
    Holding { outline: "SOL", holder: "SOM", from: "1960-07-01", until: "", source: "Union of Somaliland and Somalia (1960-07-01); de jure only since Somaliland's unrecognised declaration (1991-05-18)" },
    Holding { outline: "TZA", holder: "XZN", from: "1963-12-19", until: "1964-04-25", source: "Zanzibar independent (1963-12-10; COW from 1963-12-19); Articles of Union with Tanganyika (in force 1964-04-26)" },
    Holding { outline: "CYN", holder: "CYP", from: "1960-08-16", until: "", source: "Republic of Cyprus (Zurich-London Agreements, 1960-08-16); de jure only since the Turkish invasion (1974), TRNC (1983) recognised only by Turkey" },
    // Americas, and territories that are not states.
    Holding { outline: "PAN", holder: "COL", from: "1831-01-01", until: "1903-11-02", source: "Isthmus of Panama in New Granada / Colombia (from 1821); Panamanian separation (1903-11-03)" },
    Holding { outline: "PRI", holder: "ESP", from: "1816-01-01", until: "1898-12-09", source: "Spanish colony; Treaty of Paris (1898-12-10)" },
    Holding { outline: "PRI", holder: "USA", from: "1898-12-10", until: "", source: "Treaty of Paris (1898-12-10, ceded by Spain); Foraker Act (1900), Commonwealth (1952)" },
    Holding { outline: "FLK", holder: "GBR", from: "1833-01-03", until: "", source: "British rule reasserted (1833-01-03); claimed by Argentina, occupied by it 1982-04-02..06-14 (not shown)" },
    Holding { outline: "NCL", holder: "FRA", from: "1853-09-24", until: "1942-11-11", source: "Annexed by France (1853-09-24)" },
    Holding { outline: "NCL", holder: "FRA", from: "1944-08-25", until: "", source: "French; overseas territory (1946), Noumea Accord (1998)" },
    Holding { outline: "ATF", holder: "FRA", from: "1955-08-06", until: "", source: "French Southern and Antarctic Lands (Law 55-1052, 1955-08-06); French possession of Kerguelen since 1893" },
];
