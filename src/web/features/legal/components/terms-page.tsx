import { Link } from 'react-router';
import { LegalPage } from './legal-page';

/** /termos: the terms of use, in plain words. */
export function TermsPage() {
  return (
    <LegalPage title="Termos de uso" updated="28 de novembro de 2026" intro="As regras para usar o MedConnect, escritas do jeito mais simples possível.">
      <section>
        <h2>1. O que é o MedConnect</h2>
        <p>
          O MedConnect é a plataforma que a sua clínica usa para consultas por vídeo (telemedicina), prontuário eletrônico e pagamento dos médicos. Quem
          contrata o MedConnect é a clínica; ela é responsável pelos atendimentos e pelos profissionais que atendem.
        </p>
      </section>
      <section>
        <h2>2. Sua conta</h2>
        <ul>
          <li>A conta é criada pela clínica ou pelo seu médico. Você recebe um link de convite e cria a própria senha — ninguém mais a conhece.</li>
          <li>A conta é pessoal. Não compartilhe sua senha e saia da conta ao usar um aparelho de outra pessoa.</li>
          <li>Mantenha seus dados corretos. Médicos devem manter o CRM, a especialidade e a chave PIX atualizados.</li>
          <li>A clínica pode desativar contas. Quem está desativado não consegue entrar, mas o histórico continua guardado.</li>
        </ul>
      </section>
      <section>
        <h2>3. Consultas por vídeo</h2>
        <p>
          As consultas seguem as regras do Conselho Federal de Medicina para a telemedicina (Resolução CFM nº 2.314/2022). Antes da primeira consulta, o
          paciente lê e aceita o termo de consentimento. Em uma emergência, não use a consulta por vídeo: ligue para o SAMU (192) ou procure o pronto-socorro
          mais próximo.
        </p>
      </section>
      <section>
        <h2>4. Uso correto</h2>
        <ul>
          <li>Use o MedConnect apenas para atendimentos de saúde ligados à sua clínica.</li>
          <li>Não grave nem divulgue consultas sem a autorização de todos os participantes.</li>
          <li>Não tente acessar dados de outras pessoas nem atrapalhar o funcionamento da plataforma.</li>
        </ul>
      </section>
      <section>
        <h2>5. Pagamentos aos médicos</h2>
        <p>
          Os valores das consultas, a comissão da plataforma e os repasses são definidos pela clínica. O MedConnect calcula os valores e gera o código PIX, mas
          a transferência é feita pela clínica, no banco dela.
        </p>
      </section>
      <section>
        <h2>6. Privacidade</h2>
        <p>
          Tratamos dados de saúde com o cuidado que a lei exige. Veja como em nossa <Link to="/privacidade">Política de privacidade</Link>.
        </p>
      </section>
      <section>
        <h2>7. Mudanças e contato</h2>
        <p>
          Podemos atualizar estes termos; quando a mudança for importante, avisaremos na plataforma. Dúvidas sobre a sua conta ou seus atendimentos devem ser
          tratadas diretamente com a sua clínica.
        </p>
      </section>
    </LegalPage>
  );
}
